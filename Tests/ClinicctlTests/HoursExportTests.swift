import Foundation
import Testing

@Suite("clinicctl hours export")
struct HoursExportTests {
    /// `hours export` prints exactly the bundle's file, for each format and location,
    /// from the published branch and from a draft with a special date.
    @Test("prints the bytes export writes")
    func sameBytesAsTheBundle() throws {
        let box = try Sandbox()
        let add = try box.clinicctl([
            "hours", "special", "add", "the-loop", "2030-12-24..2030-12-26", "--closed", "--draft-name", "christmas",
        ])
        #expect(add.status == 0, "\(add.stderr)")
        let formats = [
            "google": "google-business-profile.json", "apple": "apple-business-connect.json", "osm": "opening_hours.txt",
            "ics": "special-hours.ics",
        ]
        for (rev, draft) in [("main", [String]()), ("drafts/christmas", ["--draft", "christmas"])] {
            let out = box.root.appendingPathComponent("out-\(draft.isEmpty ? "main" : "draft")")
            let export = try box.clinicctl(["export", "--rev", rev, "--out", out.path])
            #expect(export.status == 0, "\(export.stderr)")
            for location in ["glenview", "the-loop"] {
                for (format, file) in formats {
                    let run = try box.clinicctl(["hours", "export", location, "--format", format] + draft)
                    #expect(run.status == 0, "\(run.stderr)")
                    let written = try String(
                        contentsOf: out.appendingPathComponent("listings/\(location)/\(file)"), encoding: .utf8)
                    #expect(run.stdout == written, "\(rev) \(location) \(format)")
                }
            }
        }
        let osm = try box.clinicctl(["hours", "export", "the-loop", "--format", "osm", "--draft", "christmas"])
        #expect(osm.stdout.contains("2030 Dec 24-26 off"), "\(osm.stdout)")
    }
}
