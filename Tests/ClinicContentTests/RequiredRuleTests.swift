import ClinicContent
import Foundation
import Testing

/// The `.required` and `.empty` rules not proved elsewhere, each by removing one
/// value of the real content: its rule is reported exactly once, and every
/// finding of the run names a rule of the catalogue.
@Suite("Required fields")
struct RequiredRuleTests {
    /// `old` is replaced by `new` in `path`; an `old` of `*` replaces the whole file.
    @Test(
        "a missing value breaks its own rule, once",
        arguments: [
            (RealFile.clinic, "*", "", "clinic.empty"),
            (RealFile.glenview, "*", "", "location.empty"),
            (RealFile.categories, "*", "", "category.empty"),
            (RealFile.theLoopHours, "*", "", "hours.empty"),
            (RealFile.clinic, "name: Jason The PT\n", "", "clinic.name.required"),
            (RealFile.clinic, "defaultLocale: en\n", "", "clinic.defaultLocale.required"),
            (
                RealFile.clinic, "phone:\n  e164: \"+17739999825\"\n  display: \"773.999.9825\"\n  capabilities: [voice, sms]\n", "",
                "clinic.phone.required"
            ),
            (RealFile.clinic, "  holder: Jason The PT, LLC\n", "", "clinic.copyright.holder.required"),
            (RealFile.clinic, "  since: 2022\n", "", "clinic.copyright.since.required"),
            (RealFile.glenview, "id: glenview", "id:", "location.id.required"),
            (RealFile.glenview, "address:", "addresses:", "location.address.required"),
            (RealFile.glenview, "  street:\n    - 1940 Lehigh Ave\n", "  street: []\n", "location.address.street.required"),
            (
                RealFile.glenview, "status: open\n", "coordinates:\n  longitude: -87.8\nstatus: open\n",
                "location.coordinates.latitude.required"
            ),
            (
                RealFile.glenview, "status: open\n", "coordinates:\n  latitude: 42.1\nstatus: open\n",
                "location.coordinates.longitude.required"
            ),
            (RealFile.glenview, "  state: IL\n", "", "location.address.state.required"),
            (RealFile.glenview, "  zip: \"60026\"\n", "", "location.address.zip.required"),
            (RealFile.glenview, "status: open\n", "status: open\nphone:\n  display: \"773.999.9825\"\n", "location.phone.e164.required"),
            (RealFile.theLoopHours, "    closes: \"15:00\"\n", "", "hours.weekly.closes.required"),
            (RealFile.theLoopHours, "weekly:", "special:\n  - closed: true\nweekly:", "hours.special.from.required"),
            (
                RealFile.theLoopHours, "weekly:", "special:\n  - from: \"2026-12-31\"\n    ranges:\n      - closes: \"12:00\"\nweekly:",
                "hours.special.ranges.opens.required"
            ),
            (
                RealFile.theLoopHours, "weekly:", "special:\n  - from: \"2026-12-31\"\n    ranges:\n      - opens: \"07:00\"\nweekly:",
                "hours.special.ranges.closes.required"
            ),
            (RealFile.categories, "*", "categories:\n", "category.categories.required"),
            (RealFile.categories, "  - id: trigger-point-dry-needling\n    title:", "  - title:", "category.categories.id.required"),
            (RealFile.social, "*", "links:\n", "social.links.required"),
            (RealFile.social, "  - network: tiktok\n    url:", "  - url:", "social.links.network.required"),
            (
                RealFile.painful, "position: 50\n", "position: 50\ntranslations:\n  es:\n    answer: Sí\n",
                "faq.translations.question.required"
            ),
        ])
    func required(path: String, old: String, new: String, rule: String) throws {
        let (_, all) = try validateRealContent { files in
            if old == "*" { files[path] = new } else { replace(&files, path, old, new) }
        }
        #expect(all.filter { $0.rule == rule && $0.file == path }.count == 1, "\(all.map(\.summary))")
        #expect(all.filter { RuleCatalogue.rule($0.rule) == nil }.isEmpty)
        #expect(all.allSatisfy { RuleCatalogue.rule($0.rule)?.severity == $0.severity })
    }

    @Test("clinicctl.yaml: an empty file and a reviewer without a name")
    func configuration() throws {
        let empty = try RepositoryConfig.load(from: InMemorySource(files: ["clinicctl.yaml": Data()])).1
        #expect(empty.map(\.summary) == ["clinicctl.yaml:1:1: error [config.empty]"])
        let nameless = Data("reviewers:\n  - email: jason@example.com\n".utf8)
        let findings = try RepositoryConfig.load(from: InMemorySource(files: ["clinicctl.yaml": nameless])).1
        #expect(findings.map(\.summary) == ["clinicctl.yaml:2:5: error [config.reviewers.name.required]"])
    }

    @Test("a social link without url is reported once, by the missing url, not again as a bad address")
    func socialURLOnce() throws {
        let (_, all) = try validateRealContent { replace(&$0, RealFile.social, "    url: https://x.com/jasonthept\n", "") }
        #expect(all.map(\.summary) == ["\(RealFile.social):5:5: error [social.links.url.required]"])
    }

    @Test("a translation's missing answer names its locale in the finding, not in the rule id")
    func translationLocale() throws {
        let (_, all) = try validateRealContent {
            replace(&$0, RealFile.painful, "position: 50\n", "position: 50\ntranslations:\n  es:\n    question: ¿Duele?\n")
        }
        #expect(all.map(\.summary) == ["\(RealFile.painful):8:5: error [faq.translations.answer.required]"])
        let finding = try #require(all.first)
        #expect(finding.locale == "es")
        #expect(finding.field == "translations.es.answer")
        #expect(finding.compilerStyle.hasSuffix("[faq.translations.answer.required, locale es]"))
        let json = String(decoding: try JSONEncoder().encode(finding), as: UTF8.self)
        #expect(json.contains("\"locale\":\"es\""))
    }
}
