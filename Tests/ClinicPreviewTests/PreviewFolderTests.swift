import ClinicPreview
import Foundation
import Testing

@Suite struct PreviewFolderTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("clinic-preview-\(UUID().uuidString)")

    @Test func anEarlierPreviewIsReplacedWhole() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        var fixture = BundleFixture()
        fixture.locales = ["en", "es"]
        try PreviewFolder.write(try PreviewSite(bundleJSON: try fixture.json()).files(), to: root)
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("es/index.html").path))
        fixture.locales = ["en"]
        let files = try PreviewSite(bundleJSON: try fixture.json()).files()
        try PreviewFolder.write(files, to: root)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("es").path))
        #expect(try Data(contentsOf: root.appendingPathComponent("index.html")) == files[1].data)
    }

    @Test func aFolderWithOtherFilesIsLeftAlone() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let precious = root.appendingPathComponent("thesis.txt")
        try Data("mine".utf8).write(to: precious)
        #expect(throws: PreviewError.self) {
            try PreviewFolder.write(try PreviewSite(bundleJSON: try BundleFixture().json()).files(), to: root)
        }
        #expect(try Data(contentsOf: precious) == Data("mine".utf8))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("index.html").path))
    }
}
