import ClinicContent
import Foundation

/// The repository this test file lives in, whose `content/` is the clinic's real content.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

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
