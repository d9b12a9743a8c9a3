import ClinicContent
import Foundation
import Testing

/// Problems met while reading files (syntax, types, missing and unknown keys,
/// encodings, unknown files) are findings with a line, never thrown errors.
@Suite("Reading findings")
struct LoaderFindingsTests {
    let social = RealFile.social

    @Test(
        "malformed YAML is a yaml.syntax finding at its line, never a crash",
        arguments: [
            ("    url: https://x.com/jasonthept", "    url: [https://x.com/jasonthept", "7:11"),
            ("    handle: jasonthept\n  - network: linkedin", "      handle: jasonthept\n  - network: linkedin", "7:13"),
            ("    handle: jasonthept\n  - network: linkedin", "    handle: jasonthept\n    handle: again\n  - network: linkedin", "7:5"),
            ("    handle: jasonthept\n  - network: x", "\thandle: jasonthept\n  - network: x", "4:1"),
            ("  - network: linkedin", "  - network: linkedin: x", "8:22"),
            ("  - network: linkedin", " - network: linkedin", "8:2"),
            ("  - network: linkedin", "  - network: *anchor", "8:14"),
            ("  - network: linkedin", "  - network: @linkedin", "8:14"),
            ("  - network: linkedin", "  - network: link\u{1}edin", "8:18"),
            ("  - network: linkedin", "  - network: linkedin\n---\nx: 1", "9:1"),
        ])
    func syntax(old: String, new: String, at: String) throws {
        let (_, all) = try validateRealContent { replace(&$0, social, old, new) }
        #expect(all.map(\.summary) == ["\(social):\(at): error [yaml.syntax]"])
        #expect(all.first?.message.hasPrefix("this is not valid YAML: ") == true)
    }

    @Test("an unclosed quote is a finding too (libyaml notices it at the end of the file)")
    func unclosedQuote() throws {
        let all = try findings { replace(&$0, social, "url: https://x.com/jasonthept", "url: \"https://x.com/jasonthept") }
        #expect(all == ["\(social):14:1: error [yaml.syntax]"])
    }

    @Test(
        "a typo'd key is an unknown key, naming the keys that were expected",
        arguments: [
            (RealFile.clinic, "defaultLocale: en", "emial: office@example.com\ndefaultLocale: en", "7:1", "email"),
            (RealFile.glenview, "  country: US", "  country: US\n  zipcode: \"60026\"", "10:3", "zip"),
            (RealFile.theLoopHours, "    closes: \"15:00\"", "    closes: \"15:00\"\n    note: Fridays", "9:5", "overnight"),
            (RealFile.painful, "position: 50\n", "position: 50\nlastReveiwed: \"2026-01-01\"\n", "6:1", "lastReviewed"),
            (RealFile.categories, "    title:", "    tilte: Dry Needling\n    title:", "3:5", "title"),
        ])
    func unknownKey(path: String, old: String, new: String, at: String, expected: String) throws {
        let (_, all) = try validateRealContent { replace(&$0, path, old, new) }
        #expect(all.map(\.summary) == ["\(path):\(at): error [schema.unknown-key]"])
        #expect(all.first?.message.contains("expected one of: ") == true)
        #expect(all.first?.message.contains(expected) == true, "\(all.first?.message ?? "")")
    }

    @Test(
        "a value of the wrong shape is schema.type",
        arguments: [
            (RealFile.painful, "position: 50", "position: ten", "5:11"),
            (RealFile.painful, "position: 50", "position: [50]", "5:11"),
            (RealFile.glenview, "status: open", "coordinates: here\nstatus: open", "10:14"),
            (RealFile.glenview, "status: open", "coordinates:\n  latitude: north\n  longitude: -87.8\nstatus: open", "11:13"),
            (RealFile.glenviewHours, HoursText.glenviewWeekly, "weekly: mon\n", "2:9"),
            (RealFile.social, "    handle: jasonthept\n  - network: x", "    handle: [a, b]\n  - network: x", "4:13"),
            (RealFile.theLoopHours, "    closes: \"15:00\"", "    closes: \"15:00\"\n    overnight: yes", "9:16"),
            (RealFile.clinic, "[voice, sms]", "voice", "6:17"),
        ])
    func wrongType(path: String, old: String, new: String, at: String) throws {
        let all = try findings { replace(&$0, path, old, new) }
        #expect(all == ["\(path):\(at): error [schema.type]"])
    }

    @Test(
        "an empty or missing required value is <kind>.<field>.required, with no list index in the id",
        arguments: [
            (RealFile.clinic, "legalName: Jason The PT, LLC", "legalName:", "2:12", "clinic.legalName.required"),
            (RealFile.clinic, "timeZone: America/Chicago\n", "", "1:1", "clinic.timeZone.required"),
            (RealFile.clinic, "  e164: \"+17739999825\"\n", "", "4:3", "clinic.phone.e164.required"),
            (RealFile.glenview, "city: Glenview", "city: \"\"", "6:9", "location.address.city.required"),
            (RealFile.glenview, "label: Glenview\n", "", "1:1", "location.label.required"),
            (RealFile.glenview, "    - 1940 Lehigh Ave\n", "    - \" \"\n", "5:5", "location.address.street.required"),
            (
                RealFile.theLoopHours, "    opens: \"07:00\"\n    closes: \"15:00\"", "    closes: \"15:00\"", "6:5",
                "hours.weekly.opens.required"
            ),
            (RealFile.theLoopHours, "location: the-loop", "location:", "1:11", "hours.location.required"),
            (RealFile.categories, "    title: Trigger Point Dry Needling", "    title:", "3:12", "category.categories.title.required"),
            (RealFile.painful, "category: trigger-point-dry-needling", "category:", "4:11", "faq.category.required"),
            (RealFile.painful, "position: 50\n", "", "2:1", "faq.position.required"),
            (RealFile.painful, "id: is-the-procedure-painful", "id: \"\"", "2:5", "faq.id.required"),
        ])
    func required(path: String, old: String, new: String, at: String, rule: String) throws {
        let (_, all) = try validateRealContent { replace(&$0, path, old, new) }
        #expect(all.map(\.summary) == ["\(path):\(at): error [\(rule)]"])
    }

    @Test(
        "a file that is not UTF-8 is one text.encoding finding and is skipped",
        arguments: [RealFile.painful, RealFile.clinic, RealFile.social])
    func encoding(path: String) throws {
        let all = try validateRealContent(editingBytes: { $0[path]!.append(contentsOf: [0xFF, 0xFE, 0x0A]) })
        #expect(all.map(\.summary) == ["\(path):1:1: error [text.encoding]"])
    }

    @Test(
        "an empty file is <kind>.empty",
        arguments: [
            (RealFile.social, "", "1:1", "social.empty"),
            (RealFile.social, "# nothing yet\n", "1:1", "social.empty"),
            (RealFile.painful, "---\n---\nAn answer.\n", "2:1", "faq.empty"),
        ])
    func emptyFile(path: String, text: String, at: String, rule: String) throws {
        #expect(try findings { $0[path] = text } == ["\(path):\(at): error [\(rule)]"])
    }

    @Test(
        "a file clinicctl does not know is a warning; README and .gitkeep are not",
        arguments: [
            ("content/notes.txt", true), ("content/faq/draft.txt", true), ("content/hours.yaml", true),
            ("content/locations/old/glenview.yaml", true), ("content/faq/README.md", false), ("content/hours/.gitkeep", false),
            ("content/ReadMe", false), ("content/faq/readme-first.txt", false), ("content/faq/notes-README.txt", true),
            ("content/README/notes.txt", true), ("content/faq/.keep", false), ("content/faq/x.gitkeep", true),
        ])
    func unexpectedFile(path: String, warned: Bool) throws {
        let (_, all) = try validateRealContent { $0[path] = "id: glenview\n" }
        #expect(all.map(\.summary) == (warned ? ["\(path):1:1: warning [file.unexpected]"] : []))
    }

    @Test("without clinic.yaml there is one finding, not one per missing field")
    func clinicMissing() throws {
        #expect(try findings { $0[RealFile.clinic] = nil } == ["\(RealFile.clinic):1:1: error [clinic.missing]"])
    }

    @Test("the content can live in another folder")
    func otherDirectory() throws {
        let folder = FolderSource(root: repositoryRoot)
        var files: [String: Data] = [:]
        for path in try folder.list(under: "content") { files["site/" + path.dropFirst("content/".count)] = try folder.read(path) }
        let (loaded, all) = try Validator().validate(InMemorySource(files: files), layout: ContentLayout(directory: "site"))
        #expect(all.map(\.summary) == [])
        #expect(loaded.content.faq.count == 10)
        #expect(loaded.sources.faqFiles.allSatisfy { $0.hasPrefix("site/faq/") })
    }
}

enum HoursText {
    /// Glenview's whole `weekly` list.
    static let glenviewWeekly = """
        weekly:
          - days: [mon, tue, wed, thu]
            opens: "07:00"
            closes: "19:00"
          - days: [fri]
            opens: "07:00"
            closes: "15:00"

        """
}

/// `clinicctl.yaml`, read by `RepositoryConfig.load`.
@Suite("Repository configuration findings")
struct RepositoryConfigTests {
    static let real = try! String(contentsOf: repositoryRoot.appendingPathComponent("clinicctl.yaml"), encoding: .utf8)

    func load(_ edit: (inout String) -> Void = { _ in }) throws -> (RepositoryConfig, [String]) {
        var text = Self.real
        edit(&text)
        let (config, findings) = try RepositoryConfig.load(from: InMemorySource(files: ["clinicctl.yaml": Data(text.utf8)]))
        return (config, findings.map(\.summary))
    }

    func replacing(_ old: String, _ new: String) -> (inout String) -> Void {
        { text in
            precondition(text.contains(old), "clinicctl.yaml does not contain \(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
    }

    @Test("the real file reads clean")
    func real() throws {
        let (config, findings) = try load()
        #expect(findings == [])
        #expect(config == RepositoryConfig(publishedBranch: "main", contentDirectory: "content", reviewers: []))
    }

    @Test("no file means the defaults")
    func missing() throws {
        let (config, findings) = try RepositoryConfig.load(from: InMemorySource(files: [:]))
        #expect(findings == [] && config == RepositoryConfig())
    }

    @Test("contentDirectory stays inside the repository", arguments: ["../elsewhere", "/srv/content", "\"a/../../b\"", "\"\""])
    func contentDirectory(directory: String) throws {
        let (config, findings) = try load(replacing("contentDirectory: content", "contentDirectory: \(directory)"))
        #expect(findings == ["clinicctl.yaml:2:19: error [config.content-directory]"])
        #expect(config.contentDirectory == "content")
    }

    @Test("a nested content folder is fine")
    func nestedDirectory() throws {
        let (config, findings) = try load(replacing("contentDirectory: content", "contentDirectory: site/content"))
        #expect(findings == [])
        #expect(config.layout.faqDirectory == "site/content/faq")
    }

    @Test("reviewers have names and e-mail addresses")
    func reviewers() throws {
        let good = try load(replacing("reviewers: []", "reviewers:\n  - name: Jason\n    email: Jason@Example.com"))
        #expect(good.1 == [])
        #expect(good.0.isReviewer(email: "jason@example.com") && !good.0.isReviewer(email: "someone@example.com"))
        let badEmail = try load(replacing("reviewers: []", "reviewers:\n  - name: Jason\n    email: jason-at-example.com"))
        #expect(badEmail.1 == ["clinicctl.yaml:14:12: error [config.reviewer]"])
        let noEmail = try load(replacing("reviewers: []", "reviewers:\n  - name: Jason"))
        #expect(noEmail.1 == ["clinicctl.yaml:13:5: error [config.reviewers.email.required]"])
    }

    @Test("reviewers' keys are SSH public key lines; requireSignedApprovals is read")
    func reviewerKeys() throws {
        // A real ed25519 public key line (from ssh-keygen).
        let key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKhH7HfWGyZ2u+Wr8xOcdOBBx0NDR4sTXEQ0FbTXawNk jason@laptop"
        let entry = "reviewers:\n  - name: Jason\n    email: jason@example.com\n    keys:\n      - \(key)"
        let good = try load(replacing("reviewers: []", "requireSignedApprovals: true\n" + entry))
        #expect(good.1 == [])
        #expect(good.0.requireSignedApprovals && good.0.reviewers.first?.keys == [key])
        #expect(try load(replacing("reviewers: []", entry)).0.requireSignedApprovals == false)
        for bad in [
            "ssh-dss AAAAB3NzaC1kc3MAAACBAP", "ssh-ed25519", "ssh-rsa AAAAC3NzaC1lZDI1NTE5AAAAIKhH7HfWGyZ2u+Wr8xOcdOBBx0NDR4sTXEQ0FbTXawNk",
        ] {
            let loaded = try load(replacing("reviewers: []", entry.replacingOccurrences(of: key, with: bad)))
            #expect(loaded.1.count == 1 && loaded.1[0].hasSuffix("error [config.reviewer.key]"), "\(bad)")
        }
    }

    @Test("typos, syntax and encoding are findings")
    func readingProblems() throws {
        let typo = try load(replacing("publishedBranch: main", "publishedBrnach: live"))
        #expect(typo.1 == ["clinicctl.yaml:1:1: error [schema.unknown-key]"])
        #expect(typo.0.publishedBranch == "main")
        #expect(try load(replacing("reviewers: []", "reviewers: [")).1 == ["clinicctl.yaml:13:1: error [yaml.syntax]"])
        let bytes = Data(Self.real.utf8) + Data([0xC3, 0x28])
        let (_, findings) = try RepositoryConfig.load(from: InMemorySource(files: ["clinicctl.yaml": bytes]))
        #expect(findings.map(\.summary) == ["clinicctl.yaml:1:1: error [text.encoding]"])
    }
}
