import ClinicContent
import Foundation
import Testing

@testable import ClinicExport

@Suite struct BundleDocumentTests {
    @Test func realContentHourLinesReadAsTheClinicWritesThem() throws {
        let bundle = try parseJSON(BundleExporter().files(for: realContent(), source: fixedSource)["bundle.json"])
        let clinic = try #require(bundle["clinic"] as? [String: Any])
        let summary = try #require(clinic["hoursSummary"] as? [String: [String]])
        #expect(summary["en"] == ["Mon–Thu 7:00 AM – 7:00 PM", "Fri 7:00 AM – 3:00 PM", "Sat by appointment (Glenview)"])
        let locations = try #require(bundle["locations"] as? [[String: Any]])
        let glenview = try #require(locations.first { $0["id"] as? String == "glenview" })
        let hours = try #require(glenview["hours"] as? [String: Any])
        #expect(
            (hours["lines"] as? [String: [String]])?["en"]
                == ["Mon–Thu 7:00 AM – 7:00 PM", "Fri 7:00 AM – 3:00 PM", "Sat by appointment"])
        let week = try #require(hours["week"] as? [[String: Any]])
        #expect(week.map { $0["status"] as? String } == ["open", "open", "open", "open", "open", "by-appointment", "closed"])
    }

    @Test func spanishLinesUseSpanishWordsAndTwentyFourHourTimes() {
        let content = richContent()
        #expect(
            HoursLines.summary(content, locale: "es")
                == [
                    "lun–jue 7:00 – 19:00", "vie 7:00 – 15:00, 21:00 – 2:00 (El Loop)", "vie 7:00 – 15:00 (Glenview)",
                    "sáb con cita previa (Glenview)",
                ])
        var closed = content
        closed.locations[1].status = .temporarilyClosed
        #expect(HoursLines.summary(closed, locale: "en") == ["Mon–Thu 7:00 AM – 7:00 PM", "Fri 7:00 AM – 3:00 PM, 9:00 PM – 2:00 AM"])
        #expect(
            HoursLines.special(content.hours[0], locale: "es", defaultLocale: "en")
                == ["24 dic – 26 dic 2026: Cerrado (Navidad)", "31 dic 2026: 7:00 – 12:00"])
        #expect(
            HoursLines.special(content.hours[0], locale: "en", defaultLocale: "en")
                == ["Dec 24 – Dec 26, 2026: Closed (Christmas)", "Dec 31, 2026: 7:00 AM – 12:00 PM"])
    }

    @Test func everyTextCarriesEveryLocaleAndNamesItsFallbacks() throws {
        let files = BundleExporter().files(for: richContent(), source: fixedSource)
        let bundle = try parseJSON(files["bundle.json"])
        #expect(bundle["locales"] as? [String] == ["en", "es"])
        let faq = try #require(bundle["faq"] as? [[String: Any]])
        #expect(faq.map { $0["id"] as? String } == ["what-is-it", "does-it-hurt"], "page order")
        let question = try #require(faq[0]["question"] as? [String: Any])
        #expect(question["text"] as? [String: String] == ["en": "What is dry needling?", "es": "What is dry needling?"])
        #expect(question["fallbackLocales"] as? [String] == ["es"])
        let answer = try #require(faq[1]["answer"] as? [String: Any])
        #expect((answer["html"] as? [String: String])?["es"] == "<p>La mayoría siente <em>poca</em> molestia.</p>\n")
        #expect((answer["plainText"] as? [String: String])?["en"] == "Most people feel little discomfort.\n\n- a twitch\n- soreness")
        #expect(answer["fallbackLocales"] as? [String] == [])
    }

    @Test func perLocaleFileCarriesOnlyThatLocale() throws {
        let files = BundleExporter().files(for: richContent(), source: fixedSource)
        #expect(
            files.names
                == ["bundle.json", "bundle.es.json", "bundle.schema.json", "clinic.jsonld", "clinic.es.jsonld"]
                + listingNames(["the-loop", "glenview"]) + ["manifest.json"])
        let spanish = try parseJSON(files["bundle.es.json"])
        #expect(spanish["locales"] as? [String] == ["es"])
        #expect(spanish["defaultLocale"] as? String == "en")
        let clinic = try #require(spanish["clinic"] as? [String: Any])
        #expect((clinic["name"] as? [String: Any])?["text"] as? [String: String] == ["es": "Jason El Fisio"])
        #expect(
            BundleExporter().files(for: try realContent(), source: fixedSource).names
                == ["bundle.json", "bundle.schema.json", "clinic.jsonld"] + listingNames(["glenview", "the-loop"]) + ["manifest.json"])
    }

    @Test func phonesHaveLinksForWhatTheyCanDo() throws {
        let bundle = try parseJSON(BundleExporter().files(for: richContent(), source: fixedSource)["bundle.json"])
        let clinicPhone = try #require((bundle["clinic"] as? [String: Any])?["phone"] as? [String: Any])
        #expect(clinicPhone["links"] as? [String: String] == ["tel": "tel:+17739999825", "sms": "sms:+17739999825"])
        let locations = try #require(bundle["locations"] as? [[String: Any]])
        let glenview = try #require(locations.last?["phone"] as? [String: Any])
        #expect(glenview["links"] as? [String: String] == ["tel": "tel:+18475550123"])
        #expect(locations.map { $0["phoneSource"] as? String } == ["clinic", "location"])
        #expect(BundleDocument.nationalFormat("+17739999825") == "(773) 999-9825")
    }

    @Test func jsonWriterEscapesWhatCouldEndAScriptElement() {
        let text = JSONWriter.string(["a": "</script><b>&\u{2028}\u{2029}\u{1}é"])
        #expect(text == "{\n  \"a\": \"\\u003c/script\\u003e\\u003cb\\u003e\\u0026\\u2028\\u2029\\u0001é\"\n}\n")
        #expect(
            JSONWriter.string([1, 2.5, -87.6298, 1e-7, 3.0, .null, true, [], [:]] as JSONValue)
                == "[\n  1,\n  2.5,\n  -87.6298,\n  1e-07,\n  3,\n  null,\n  true,\n  [],\n  {}\n]\n")
    }
}
