import ClinicContent
import Foundation
import Testing

@testable import ClinicExport

/// clinic.jsonld, expanded by an independent JSON-LD processor (Python pyld).
@Suite struct LinkedDataTests {
    /// Expands the document offline: https://schema.org resolves to a local
    /// context shaped like schema.org's own (`@vocab` plus IRI-valued terms).
    static let expand = """
        import json, sys
        from pyld import jsonld
        context = {"@context": {"@vocab": "https://schema.org/",
                                "sameAs": {"@id": "https://schema.org/sameAs", "@type": "@id"},
                                "url": {"@id": "https://schema.org/url", "@type": "@id"}}}
        def loader(url, options=None):
            if url.rstrip("/") in ("https://schema.org", "http://schema.org"):
                return {"contextUrl": None, "documentUrl": url, "document": context}
            raise Exception("offline: " + url)
        jsonld.set_document_loader(loader)
        expanded = jsonld.expand(json.load(open(sys.argv[1])))
        types, props = set(), set()
        def walk(node):
            if isinstance(node, list):
                for item in node: walk(item)
            elif isinstance(node, dict):
                for key, value in node.items():
                    if key == "@type": types.update(value)
                    elif not key.startswith("@"): props.add(key)
                    walk(value)
        walk(expanded)
        print(json.dumps({"types": sorted(types), "properties": sorted(props), "expanded": expanded}))
        """

    func expanded(_ content: SiteContent) throws -> [String: Any] {
        let result = try withTemporaryDirectory { dir in
            let file = try writeBundle(BundleExporter().files(for: content, source: fixedSource), in: dir)
                .appendingPathComponent("clinic.jsonld")
            return try python(Self.expand, [file.path])
        }
        #expect(result.status == 0, "\(result.output)")
        return try parseJSON(Data(result.output.utf8))
    }

    @Test(arguments: [true, false])
    func expandsToSchemaOrgTypesAndProperties(rich: Bool) throws {
        let content = rich ? richContent() : try realContent()
        let text = String(decoding: try #require(BundleExporter().files(for: content, source: fixedSource)["clinic.jsonld"]), as: UTF8.self)
        #expect(!text.contains("null"), "absent values are left out, not null")
        let output = try expanded(content)
        let types = try #require(output["types"] as? [String])
        for type in [
            "Physiotherapy", "MedicalClinic", "MedicalOrganization", "PostalAddress",
            "OpeningHoursSpecification", "FAQPage", "Question", "Answer",
        ] {
            #expect(types.contains("https://schema.org/\(type)"), "\(type) in \(types)")
        }
        let properties = try #require(output["properties"] as? [String])
        for property in [
            "address", "telephone", "openingHoursSpecification", "dayOfWeek", "opens", "closes",
            "sameAs", "mainEntity", "acceptedAnswer", "text", "streetAddress", "postalCode",
        ] {
            #expect(properties.contains("https://schema.org/\(property)"), "\(property)")
        }
        if rich {
            for property in ["specialOpeningHoursSpecification", "validFrom", "validThrough", "geo", "latitude"] {
                #expect(properties.contains("https://schema.org/\(property)"), "\(property)")
            }
        }
    }

    @Test func appointmentDaysAreLeftOutAndClosedDaysHaveNoTimes() throws {
        let files = BundleExporter().files(for: richContent(), source: fixedSource)
        let graph = try #require(try parseJSON(files["clinic.jsonld"])["@graph"] as? [[String: Any]])
        let glenview = try #require(graph.first { ($0["@id"] as? String)?.hasSuffix("#location-glenview") == true })
        let opening = try #require(glenview["openingHoursSpecification"] as? [[String: Any]])
        let days = opening.flatMap { $0["dayOfWeek"] as? [String] ?? [] }
        #expect(days.contains("https://schema.org/Monday"))
        #expect(!days.contains("https://schema.org/Saturday"), "appointment-only Saturday has no structured form")
        let loop = try #require(graph.first { ($0["@id"] as? String)?.hasSuffix("#location-the-loop") == true })
        let special = try #require(loop["specialOpeningHoursSpecification"] as? [[String: Any]])
        #expect(special.count == 2)
        #expect(special[0]["validFrom"] as? String == "2026-12-24" && special[0]["validThrough"] as? String == "2026-12-26")
        #expect(special[0]["opens"] == nil && special[0]["closes"] == nil)
        #expect(special[1]["opens"] as? String == "07:00" && special[1]["closes"] as? String == "12:00")
        let overnight = try #require((loop["openingHoursSpecification"] as? [[String: Any]])?.last)
        #expect(overnight["opens"] as? String == "21:00" && overnight["closes"] as? String == "02:00")
        let organization = try #require(graph.first { $0["@type"] as? String == "MedicalOrganization" })
        #expect(organization["sameAs"] as? [String] == ["https://www.instagram.com/jasonthept", "https://x.com/jasonthept"])
    }

    @Test func embeddedScriptEndIsEscaped() throws {
        var content = richContent()
        content.faq[1].question = LocalizedText(["en": "Is </script><script>alert(1)</script> safe?"])
        let data = try #require(BundleExporter().files(for: content, source: fixedSource)["clinic.jsonld"])
        let text = String(decoding: data, as: UTF8.self)
        #expect(!text.contains("</script"))
        #expect(!text.contains("<"))
        #expect(text.contains("\\u003c/script\\u003e"))
        // Escaping changes the bytes, not the value.
        let graph = try #require(try parseJSON(data)["@graph"] as? [[String: Any]])
        let page = try #require(graph.first { $0["@type"] as? String == "FAQPage" })
        let questions = try #require(page["mainEntity"] as? [[String: Any]])
        #expect(questions[0]["name"] as? String == "Is </script><script>alert(1)</script> safe?")
    }
}
