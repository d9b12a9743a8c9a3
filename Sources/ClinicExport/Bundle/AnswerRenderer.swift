import ClinicContent

/// Turns an answer's CommonMark into what a site shows: HTML that cannot
/// carry script, and plain text for places without markup.
///
/// The work is `AnswerMarkdown`'s (ClinicContent), the one owner of cmark;
/// this is the export's name for it, so the bundle and JSON-LD say what they use.
public enum AnswerRenderer {
    /// HTML for `markdown`, without raw HTML or unsafe link targets (cmark's safe mode).
    public static func html(_ markdown: String) -> String { AnswerMarkdown.html(markdown) }

    /// The answer's words without markup, block by block.
    public static func plainText(_ markdown: String) -> String { AnswerMarkdown.plainText(markdown) }
}
