/// What working out a draft's FAQ changes needs to know about the content the
/// draft started from, worked out once and shared by every draft on that base:
/// which entry each file holds, where each id is, the page order, and whether a
/// file was skipped for the size limits. Listing 200 drafts then costs what the
/// drafts changed, not 200 times the whole FAQ.
public struct FAQChangeBase: Sendable {
    /// The content the drafts started from.
    public let loaded: LoadedContent
    /// The index in `loaded.content.faq` of the entry each FAQ file holds.
    let indexOfFile: [String: Int]
    /// The index in `loaded.content.faq` of each id; nil when an id is held twice
    /// (which entry counts then depends on the order of the files).
    let indexOfID: [String: Int]?
    /// The entries' (position, id) in page order.
    let pageOrder: [(position: Int, id: String)]
    /// The ids in page order.
    let pageOrderIDs: [String]
    /// Whether a file was skipped for the size limits (reading another file then changes what is read after it).
    let skippedFile: Bool

    public init(_ loaded: LoadedContent) {
        self.loaded = loaded
        let faq = loaded.content.faq
        var indexOfFile: [String: Int] = [:]
        for (index, path) in loaded.sources.faqFiles.enumerated() where index < faq.count { indexOfFile[path] = index }
        self.indexOfFile = indexOfFile
        var indexOfID: [String: Int]? = [:]
        for (index, entry) in faq.enumerated() where indexOfID?.updateValue(index, forKey: entry.id) != nil {
            indexOfID = nil
            break
        }
        self.indexOfID = indexOfID
        pageOrder = ContentDiff.pageOrder(faq)
        pageOrderIDs = pageOrder.map(\.id)
        skippedFile = loaded.findings.contains { $0.rule == Rule.fileSize.id }
    }
}
