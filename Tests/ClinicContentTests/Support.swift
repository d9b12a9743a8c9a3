import ClinicContent
import Foundation

/// The repository this test file lives in, whose `content/` is the clinic's real content.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The real content's files (`content/`), by path.
func realContentFiles() throws -> [String: Data] {
    let folder = FolderSource(root: repositoryRoot)
    var files: [String: Data] = [:]
    for path in try folder.list(under: "content") { files[path] = try folder.read(path)! }
    return files
}

/// Loads and validates the real content, with `edit` applied to its files first.
func validateRealContent(editing edit: (inout [String: String]) -> Void = { _ in }) throws -> (LoadedContent, [Finding]) {
    let folder = FolderSource(root: repositoryRoot)
    var files: [String: String] = [:]
    for path in try folder.list(under: "content") {
        files[path] = String(decoding: try folder.read(path)!, as: UTF8.self)
    }
    edit(&files)
    let source = InMemorySource(files: files.mapValues { Data($0.utf8) })
    return try Validator().validate(source)
}

/// Replaces the first occurrence of `old` in `files[path]`, failing loudly when absent.
func replace(_ files: inout [String: String], _ path: String, _ old: String, _ new: String) {
    guard let text = files[path], let range = text.range(of: old) else {
        preconditionFailure("\(path) does not contain \(old)")
    }
    files[path] = text.replacingCharacters(in: range, with: new)
}

/// The real content's files, by what they hold.
enum RealFile {
    static let clinic = "content/clinic.yaml"
    static let glenview = "content/locations/glenview.yaml"
    static let glenviewHours = "content/hours/glenview.yaml"
    static let theLoopHours = "content/hours/the-loop.yaml"
    static let categories = "content/categories.yaml"
    static let social = "content/social.yaml"
    /// `---`, id, question, category, position, `---`, then the answer on line 7.
    static let painful = "content/faq/is-the-procedure-painful.md"
}

extension Finding {
    /// Where, how bad and which rule, without the message: what most rule tests compare.
    var summary: String { "\(file):\(line):\(column): \(severity.rawValue) [\(rule)]" }
}

/// The summaries of every finding (errors and warnings) in the real content after `edit`.
func findings(after edit: (inout [String: String]) -> Void) throws -> [String] {
    try validateRealContent(editing: edit).1.map(\.summary)
}

/// Loads and validates the real content with its files' raw bytes edited first (for encoding problems).
func validateRealContent(editingBytes edit: (inout [String: Data]) -> Void) throws -> [Finding] {
    let folder = FolderSource(root: repositoryRoot)
    var files: [String: Data] = [:]
    for path in try folder.list(under: "content") { files[path] = try folder.read(path)! }
    edit(&files)
    return try Validator().validate(InMemorySource(files: files)).1
}

/// Moves `old` to `new`, replacing `oldText` with `newText` in it on the way (a renamed record).
func rename(_ files: inout [String: String], _ old: String, to new: String, _ oldText: String, _ newText: String) {
    replace(&files, old, oldText, newText)
    files[new] = files.removeValue(forKey: old)
}
