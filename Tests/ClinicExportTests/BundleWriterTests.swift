import ClinicContent
import Foundation
import Testing

@testable import ClinicExport

@Suite struct BundleWriterTests {
    @Test func manifestListsEveryOtherFileWithItsSizeAndHash() throws {
        let result = try withTemporaryDirectory { dir in
            let folder = try writeBundle(BundleExporter().files(for: richContent(), source: fixedSource), in: dir)
            return try python(
                """
                import hashlib, json, os, sys
                folder = sys.argv[1]
                manifest = json.load(open(os.path.join(folder, "manifest.json")))
                listed = [f["path"] for f in manifest["files"]]
                on_disk = sorted(os.path.relpath(os.path.join(d, n), folder) for d, _, names in os.walk(folder)
                                 for n in names if n != "manifest.json" or d != folder)
                assert listed == on_disk, (listed, on_disk)
                for f in manifest["files"]:
                    data = open(os.path.join(folder, f["path"]), "rb").read()
                    assert f["size"] == len(data), f
                    assert f["sha256"] == hashlib.sha256(data).hexdigest(), f
                assert manifest["schemaVersion"] == "1.0.0"
                assert manifest["revision"] == "ab" * 20
                print("ok", len(listed))
                """, [folder.path])
        }
        #expect(result.status == 0 && result.output.hasPrefix("ok 13"), "\(result.output)")
    }

    @Test func replacingABundleLeavesOnlyTheNewFiles() throws {
        try withTemporaryDirectory { dir in
            let target = dir.appendingPathComponent("dist")
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            // A previous bundle: its manifest lists every file there, including one the new bundle lacks.
            try Data("stale".utf8).write(to: target.appendingPathComponent("stale.txt"))
            try Data(#"{"format": "\#(BundleExporter.format).manifest", "files": [{"path": "stale.txt"}]}"#.utf8)
                .write(to: target.appendingPathComponent(BundleExporter.manifestName))
            let files = BundleExporter().files(for: richContent(), source: fixedSource)
            try BundleWriter.write(files, to: target)
            try BundleWriter.write(files, to: target)
            #expect(try filePaths(in: target) == files.names.sorted())
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["dist"], "no staging or old folders left")
            #expect(try Data(contentsOf: target.appendingPathComponent("bundle.json")) == files["bundle.json"])
        }
    }

    @Test func refusesToReplaceAFolderThatIsNotABundle() throws {
        try withTemporaryDirectory { dir in
            let target = dir.appendingPathComponent("site")
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            try Data("mine".utf8).write(to: target.appendingPathComponent("index.html"))
            #expect(throws: BundleWriteError.self) {
                try BundleWriter.write(BundleExporter().files(for: richContent(), source: fixedSource), to: target)
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: target.path) == ["index.html"])
        }
    }

    @Test func refusesToReplaceAFile() throws {
        try withTemporaryDirectory { dir in
            let target = dir.appendingPathComponent("dist")
            try Data("not a folder".utf8).write(to: target)
            #expect(throws: BundleWriteError.self) {
                try BundleWriter.write(BundleExporter().files(for: richContent(), source: fixedSource), to: target)
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["dist"])
        }
    }

    /// A reader that opens the folder once and reads the manifest and files
    /// through it, while the folder is replaced over and over, always finds a
    /// complete bundle whose files match its manifest; at worst an old
    /// folder's files are already gone (it retries), never half there.
    @Test func concurrentReaderNeverSeesAHalfWrittenBundle() throws {
        try withTemporaryDirectory { dir in
            let target = dir.appendingPathComponent("dist")
            let a = BundleExporter().files(for: richContent(), source: fixedSource)
            var other = richContent()
            other.faq[0].answer = LocalizedText(["en": String(repeating: "long answer ", count: 4000)])
            let b = BundleExporter().files(for: other, source: fixedSource)
            try BundleWriter.write(a, to: target)
            let reader = try Process.run(
                URL(fileURLWithPath: "/usr/bin/env"),
                arguments: [
                    "python3", "-c",
                    """
                    import hashlib, json, os, sys, time
                    folder, bad, reads = sys.argv[1], 0, 0
                    end = time.time() + 2
                    while time.time() < end:
                        try:
                            fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
                        except FileNotFoundError:
                            continue
                        try:
                            read = lambda name: open(name, "rb", opener=lambda p, f: os.open(p, f, dir_fd=fd)).read()
                            manifest = json.loads(read("manifest.json"))
                            for f in manifest["files"]:
                                if hashlib.sha256(read(f["path"])).hexdigest() != f["sha256"]: bad += 1
                            reads += 1
                        except FileNotFoundError:
                            pass
                        except Exception as e:
                            bad += 1
                        finally:
                            os.close(fd)
                    open(sys.argv[2], "w").write("%d %d" % (bad, reads))
                    """, target.path, dir.appendingPathComponent("result").path,
                ])
            var writes = 0
            while reader.isRunning {
                try BundleWriter.write(writes % 2 == 0 ? b : a, to: target)
                writes += 1
            }
            reader.waitUntilExit()
            let counts = try String(contentsOf: dir.appendingPathComponent("result"), encoding: .utf8).split(separator: " ")
            #expect(counts.first == "0", "inconsistent reads: \(counts)")
            #expect((Int(counts.last ?? "") ?? 0) > 10, "the reader got to read: \(counts)")
        }
    }
}
