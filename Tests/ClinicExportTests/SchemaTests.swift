import ClinicContent
import Foundation
import Testing

@testable import ClinicExport

/// The shipped schema, checked by an independent validator (Python jsonschema).
@Suite struct SchemaTests {
    static let validate = """
        import json, sys
        from jsonschema import Draft202012Validator, FormatChecker
        schema = json.load(open(sys.argv[1]))
        Draft202012Validator.check_schema(schema)
        validator = Draft202012Validator(schema, format_checker=FormatChecker())
        bad = 0
        for path in sys.argv[2:]:
            for error in validator.iter_errors(json.load(open(path))):
                bad += 1
                print(path, "/".join(map(str, error.absolute_path)), error.message)
        sys.exit(1 if bad else 0)
        """

    func check(_ content: SiteContent, source: BundleSource = fixedSource) throws -> RunResult {
        try withTemporaryDirectory { dir in
            let folder = try writeBundle(BundleExporter().files(for: content, source: source), in: dir)
            let bundles = try FileManager.default.contentsOfDirectory(atPath: folder.path)
                .filter { $0.hasPrefix("bundle.") && $0 != "bundle.schema.json" }.sorted()
            #expect(!bundles.isEmpty)
            return try python(
                Self.validate,
                [folder.appendingPathComponent("bundle.schema.json").path]
                    + bundles.map { folder.appendingPathComponent($0).path })
        }
    }

    @Test func realContentValidates() throws {
        let result = try check(realContent())
        #expect(result.status == 0, "\(result.output)")
    }

    @Test func richContentAndItsSpanishBundleValidate() throws {
        let result = try check(richContent())
        #expect(result.status == 0, "\(result.output)")
    }

    @Test func workingTreeExportWithoutCommitValidates() throws {
        let result = try check(
            richContent(), source: BundleSource(revision: nil, generatedAt: BundleSource.noCommitTime, fromWorkingTree: true))
        #expect(result.status == 0, "\(result.output)")
    }

    @Test func schemaChecksAgainstTheMetaSchema() throws {
        let result = try withTemporaryDirectory { dir in
            let file = dir.appendingPathComponent("schema.json")
            try BundleSchema.data.write(to: file)
            return try python(
                """
                import json, sys
                from jsonschema import Draft202012Validator
                from jsonschema.validators import validator_for
                schema = json.load(open(sys.argv[1]))
                assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
                assert validator_for(schema) is Draft202012Validator
                Draft202012Validator.check_schema(schema)
                print("ok")
                """, [file.path])
        }
        #expect(result.status == 0 && result.output.contains("ok"), "\(result.output)")
    }

    /// The witness must be able to say no: content the model allows but the
    /// contract forbids (a bad phone, an unknown field) is rejected.
    @Test func schemaRejectsWhatTheContractForbids() throws {
        var content = richContent()
        content.clinic.phone.e164 = "773-999-9825"
        content.locations[0].address.zip = "606"
        let result = try check(content)
        #expect(result.status == 1)
        #expect(result.output.contains("clinic/phone/e164"), "\(result.output)")
        #expect(result.output.contains("locations/0/address/zip"), "\(result.output)")

        let extra = try withTemporaryDirectory { dir in
            var bundle = try parseJSON(BundleExporter().files(for: richContent(), source: fixedSource)["bundle.json"])
            bundle["surprise"] = true
            let file = dir.appendingPathComponent("bundle.json")
            let schema = dir.appendingPathComponent("schema.json")
            try JSONSerialization.data(withJSONObject: bundle).write(to: file)
            try BundleSchema.data.write(to: schema)
            return try python(Self.validate, [schema.path, file.path])
        }
        #expect(extra.status == 1 && extra.output.contains("surprise"), "\(extra.output)")
    }
}
