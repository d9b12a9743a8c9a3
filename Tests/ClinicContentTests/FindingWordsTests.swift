import ClinicContent
import Testing

@Suite("what a finding is about, in the clinic's words")
struct FindingWordsTests {
    @Test(
        "file and field become the record and the field as people say them",
        arguments: [
            ("content/social.yaml", "links[4].url", nil, "social link 5 (its address)"),
            ("content/faq/is-it.md", "answer", "es", "FAQ entry is-it (its answer, es)"),
            ("content/hours/glenview.yaml", "special[0].ranges", nil, "special date 1 of the hours of glenview (its ranges)"),
            ("content/locations/the-loop.yaml", "address.zip", nil, "location the-loop (its address ZIP code)"),
            ("content/clinic.yaml", "", nil, "the clinic"),
        ] as [(String, String, String?, String)])
    func subject(file: String, field: String, locale: String?, expected: String) {
        let finding = Finding(.error, file: file, field: field, rule: "x", locale: locale, message: "m")
        #expect(finding.subject == expected)
    }
}
