import ClinicContent

/// A draft's id: the name after `refs/heads/drafts/`, e.g. `hours-glenview`.
///
/// Any text can be asked for (a draft someone made with Git under an odd name is still
/// found); the id owns the two checks that matter: whether Git could hold it as a branch
/// name at all (one that cannot is simply no draft, never a path outside `drafts/`), and
/// whether it is in the form clinicctl gives the drafts it names.
public struct DraftID: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    public let text: String

    public init(_ text: String) { self.text = text }

    /// The most characters clinicctl gives a draft's id it names.
    public static let maximumLength = 48

    /// The draft's branch: `refs/heads/drafts/<id>`.
    public var reference: String { ContentRepository.draftPrefix + text }

    /// Whether Git could hold the id as a branch name under `drafts/` (no `..`, no leading
    /// `/` or `.`, no `.lock` ending, no spaces, controls or `\ : ? * [ ~ ^ @ {`).
    public var isReferenceName: Bool {
        !text.isEmpty && !text.contains("..") && !text.hasPrefix("/") && !text.hasSuffix("/") && !text.hasPrefix(".")
            && !text.hasSuffix(".lock") && !text.unicodeScalars.contains { $0.value < 0x21 || "\\:?*[~^@{".unicodeScalars.contains($0) }
    }

    /// Whether it is in the form clinicctl names drafts: lower-case letters, digits and
    /// single dashes, at most `maximumLength` characters.
    public var isCanonical: Bool { !text.isEmpty && Formats.slug(from: text, maxLength: Self.maximumLength) == text }

    public var description: String { text }
    public static func < (lhs: DraftID, rhs: DraftID) -> Bool { lhs.text < rhs.text }
}
