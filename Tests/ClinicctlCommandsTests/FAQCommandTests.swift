import Testing

extension CommandCase {
    static let parkingDraft = [
        "faq", "add", "--question", "Can I park?", "--answer", "Yes, behind the building.", "--draft-name", "parking",
    ]

    static let faq: [CommandCase] = [
        .init(command: "faq list", arguments: ["faq", "list"], says: ["POS  ID", "what-is-dry-needling", "Is the procedure painful?"]),
        .init(command: "faq list", arguments: ["faq", "list", "--draft", "parking"], setup: [parkingDraft], says: ["Can I park?"]),
        .init(
            command: "faq show", arguments: ["faq", "show", "what-is-dry-needling"],
            says: ["Q: What is dry needling?", "myofascial trigger point"]),
        .init(command: "faq show", arguments: ["faq", "show", "no-such-entry"], status: 1, warns: ["error: ", "no-such-entry"]),
        .init(command: "faq search", arguments: ["faq", "search", "painful"], says: ["is-the-procedure-painful", "question"]),
        .init(command: "faq search", arguments: ["faq", "search", "  "], status: 64, warns: ["give a text to look for"], parses: false),
        .init(
            command: "faq add", arguments: parkingDraft,
            says: ["Opened draft parking: FAQ: add \"Can I park?\"", "question: \"Can I park?\"", "clinicctl review show parking"]),
        .init(
            command: "faq add", arguments: ["faq", "add", "--question", "Q?", "--answer", "A", "--answer-file", "{root}/a.md"], status: 64,
            warns: ["--answer", "--answer-file"], parses: false),
        .init(
            command: "faq edit", arguments: ["faq", "edit", "what-is-dry-needling", "--question", "What is dry needling, exactly?"],
            says: ["Opened draft faq-what-is-dry-needling", "\"What is dry needling?\" → \"What is dry needling, exactly?\""]),
        .init(
            command: "faq edit", arguments: ["faq", "edit", "what-is-dry-needling"], status: 64, warns: ["say what to change"],
            parses: false),
        .init(
            command: "faq move", arguments: ["faq", "move", "what-is-dry-needling", "--position", "5"],
            says: ["Opened draft faq-move-what-is-dry-needling", "position: \"10\" → \"5\""]),
        .init(command: "faq move", arguments: ["faq", "move", "what-is-dry-needling"], status: 64, warns: ["say where"], parses: false),
        .init(
            command: "faq remove", arguments: ["faq", "remove", "do-you-use-sterile-needles"],
            says: ["removed FAQ \"Do you use sterile needles?\""]),
        .init(command: "faq remove", arguments: ["faq", "remove", "no-such-entry"], status: 1, warns: ["no-such-entry"]),
        .init(command: "faq category list", arguments: ["faq", "category", "list"], says: ["trigger-point-dry-needling  10"]),
        .init(
            command: "faq category add", arguments: ["faq", "category", "add", "Insurance", "--id", "insurance"],
            says: ["Opened draft faq-category-insurance", "insurance: \"Insurance\""]),
        .init(
            command: "faq category add", arguments: ["faq", "category", "add", "Insurance", "--id", "Insurance Plans"], status: 64,
            warns: ["lower-case letters"], parses: false),
        .init(
            command: "faq category rename", arguments: ["faq", "category", "rename", "trigger-point-dry-needling", "Dry needling"],
            says: ["\"Trigger Point Dry Needling\" → \"Dry needling\""]),
        .init(
            command: "faq category rename", arguments: ["faq", "category", "rename", "insurance", "Billing"], status: 1,
            warns: ["there is no category \"insurance\""]),
        .init(
            command: "faq category remove", arguments: ["faq", "category", "remove", "insurance", "--draft", "faq-category-insurance"],
            setup: [["faq", "category", "add", "Insurance", "--id", "insurance"]], says: ["Added to draft faq-category-insurance"]),
        .init(
            command: "faq category remove", arguments: ["faq", "category", "remove", "trigger-point-dry-needling"], status: 1,
            warns: ["is still used by 10 FAQ entries", "; move them to another category first (`clinicctl faq edit ID --category OTHER`)"]),
        .init(
            command: "faq add", arguments: ["faq", "add", "--question", "¿Estacionamiento?", "--answer", "Sí.", "--locale", "es"],
            status: 64,
            warns: ["default locale (en) first; add the es text afterwards with `clinicctl faq edit ID --locale es`"]),
    ]
}

@Suite struct FAQCommandTests {
    @Test(arguments: CommandCase.faq) func runs(_ testCase: CommandCase) throws { try testCase.check() }
}
