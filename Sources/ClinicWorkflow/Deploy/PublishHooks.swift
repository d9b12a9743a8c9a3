internal import ClinicGit
import Foundation

/// A deploy hook as committed: its file name and bytes.
public struct CommittedHook: Sendable {
    public let name: String
    public let contents: Data
}

extension Deployments {
    /// The executable files (mode 100755) directly in `folder` at `revision`,
    /// by name in byte order. Names starting with `.` are skipped, as are files
    /// Git does not record as executable and files in subfolders.
    public func executableFiles(in folder: String, at revision: Revision) throws -> [CommittedHook] {
        let (files, executables) = try repository.withGit { git in
            (try git.readFiles(under: folder, at: revision.id), Set(try git.executableFiles(under: folder, at: revision.id)))
        }
        return files.compactMap { path, data -> CommittedHook? in
            let name = String(path.dropFirst(folder.count + 1))
            guard executables.contains(path), !name.contains("/"), !name.hasPrefix(".") else { return nil }
            return CommittedHook(name: name, contents: data)
        }.sorted { Array($0.name.utf8).lexicographicallyPrecedes(Array($1.name.utf8)) }
    }
}
