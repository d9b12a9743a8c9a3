import ClinicPreview
import Foundation
import Testing

@Suite struct PreviewSiteTests {
    func page(_ fixture: BundleFixture, _ path: String = "index.html", linkedData: [String: Data] = [:]) throws -> String {
        let site = try PreviewSite(bundleJSON: try fixture.json(), linkedData: linkedData)
        let file = try #require(site.files().first { $0.path == path }, "no \(path)")
        return String(decoding: file.data, as: UTF8.self)
    }

    @Test func theSameBundleGivesTheSameBytesAndAnEditChangesThem() throws {
        let fixture = BundleFixture()
        let first = try PreviewSite(bundleJSON: try fixture.json()).files()
        let second = try PreviewSite(bundleJSON: try fixture.json()).files()
        #expect(first == second)
        var edited = fixture
        edited.faq[0].2 = "What is dry needling, exactly?"
        #expect(try PreviewSite(bundleJSON: try edited.json()).files() != first)
        #expect(first.map(\.path) == ["preview.css", "index.html"])
    }

    @Test func thePageShowsTheContentInPageOrder() throws {
        let html = try page(BundleFixture())
        let order = [
            "Trigger Point Dry Needling", "What is dry needling?", "Is the procedure painful?", "Billing", "Do you bill insurance?",
        ]
        let positions = order.map { html.range(of: $0)?.lowerBound }
        #expect(!positions.contains(nil))
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        #expect(html.contains("<details id=\"q-what-is-dry-needling\">"))
        #expect(html.contains("<p>A solid filament needle.</p>"))
        #expect(html.contains("href=\"tel:+17739999825\""))
        #expect(html.contains("href=\"sms:+17739999825\""))
        #expect(html.contains("© 2022 Jason The PT, LLC. All rights reserved."))
        #expect(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"))
        #expect(html.contains("<time datetime=\"07:00\">7:00 AM</time> – "))
        #expect(html.contains("<time datetime=\"19:00\">7:00 PM</time>"))
        #expect(html.contains("<td data-status=\"by-appointment\">By appointment</td>"))
    }

    @Test func noTextLinkWhenTheClinicTakesNoTexts() throws {
        var fixture = BundleFixture()
        fixture.sms = false
        let html = try page(fixture)
        #expect(html.contains("href=\"tel:+17739999825\""))
        #expect(!html.contains("sms:"))
    }

    @Test func hostileTextIsShownAsTextNeverAsMarkup() throws {
        var fixture = BundleFixture()
        fixture.faq[0].2 = "Is 1 < 2 & \"quoted\" 'single' </script><script>window.pwned=1</script> &amp; fine?"
        fixture.clinicName = "<img src=x onerror=alert(1)>"
        fixture.social[0].url = "https://x.com/\" onmouseover=\"alert(1)"
        fixture.social[1].url = "javascript:alert(1)"
        let html = try page(fixture)
        #expect(
            html.contains(
                "Is 1 &lt; 2 &amp; \"quoted\" 'single' &lt;/script&gt;&lt;script&gt;window.pwned=1&lt;/script&gt; &amp;amp; fine?"))
        #expect(!html.contains("<script>window.pwned"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(!html.contains("<img"))
        #expect(html.contains("href=\"https://x.com/&quot; onmouseover=&quot;alert(1)\""))
        #expect(!html.contains("href=\"javascript:"))
    }

    @Test func theJSONLDIsEmbeddedAsExportedAndCannotCloseItsScript() throws {
        let exported = "{\n  \"name\": \"A \\u003cb\\u003e \\u0026 B\"\n}\n"
        let html = try page(BundleFixture(), linkedData: ["en": Data(exported.utf8)])
        #expect(html.contains("<script type=\"application/ld+json\">\(exported)</script>"))
        let handEdited = "{\"name\": \"</script><script>window.pwned=1</script>\u{2028}\"}"
        let escaped = try page(BundleFixture(), linkedData: ["en": Data(handEdited.utf8)])
        #expect(escaped.contains("{\"name\": \"\\u003c/script\\u003e\\u003cscript\\u003ewindow.pwned=1\\u003c/script\\u003e\\u2028\"}"))
        #expect(!escaped.contains("<script>window"))
    }

    @Test func everyLocaleGetsAPageLinkedByHreflang() throws {
        var fixture = BundleFixture()
        fixture.locales = ["en", "es"]
        let site = try PreviewSite(bundleJSON: try fixture.json())
        #expect(site.files().map(\.path) == ["preview.css", "index.html", "es/index.html"])
        let spanish = try page(fixture, "es/index.html")
        #expect(spanish.contains("<html lang=\"es\">"))
        #expect(spanish.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"../index.html\""))
        #expect(spanish.contains("href=\"../preview.css\""))
        #expect(spanish.contains("Horario semanal en Glenview"))
        // An untranslated question is marked as English, so it is read as English.
        #expect(spanish.contains("<summary lang=\"en\">What is dry needling?</summary>"))
        #expect(try site.pagePath(locale: "es") == "es/index.html")
        #expect(throws: PreviewError.unknownLocale("fr", available: ["en", "es"])) { try site.pagePath(locale: "fr") }
    }

    @Test func onlyUpcomingSpecialHoursAreShown() throws {
        var fixture = BundleFixture()
        fixture.generatedAt = "2026-12-25T03:00:00Z"  // still Dec 24 in Chicago
        fixture.special = [
            ("2026-07-04", nil, "Jul 4, 2026: Closed (Independence Day)"),
            ("2026-12-24", "2026-12-26", "Dec 24 – Dec 26, 2026: Closed (Christmas)"),
        ]
        let html = try page(fixture)
        #expect(html.contains("Dec 24 – Dec 26, 2026: Closed (Christmas)"))
        #expect(!html.contains("Independence Day"))
        fixture.generatedAt = "2026-12-27T18:00:00Z"
        #expect(!(try page(fixture)).contains("Upcoming special hours"))
    }

    @Test func aBundleOfAnotherFormatOrMajorVersionIsRefused() throws {
        var fixture = BundleFixture()
        fixture.schemaVersion = "2.0.0"
        #expect(throws: PreviewError.unsupportedVersion("2.0.0")) { try PreviewSite(bundleJSON: try fixture.json()) }
        fixture.schemaVersion = "1.4.0"
        #expect(throws: Never.self) { try PreviewSite(bundleJSON: try fixture.json()) }
        fixture.format = "something.else"
        #expect(throws: PreviewError.self) { try PreviewSite(bundleJSON: try fixture.json()) }
        #expect(throws: PreviewError.unreadableBundle("the folder has no bundle.json")) { try PreviewSite(bundleFiles: [:]) }
    }
}
