import Foundation

extension Sandbox {
    /// The references under `refs/clinicctl/<folder>/` filed for `draft` (`<draft>-<short>`, or
    /// `<draft>` as older versions filed rejections), in the repository or `folder`, by name.
    func records(_ kind: String, of draft: String, in folder: URL? = nil, gitDir: String? = nil) throws -> [String] {
        let prefix = "refs/clinicctl/\(kind)/"
        let listed = try git((gitDir.map { ["--git-dir", $0] } ?? []) + ["for-each-ref", "--format=%(refname)", prefix], in: folder)
        return listed.stdout.split(separator: "\n").map(String.init).filter { name in
            let filed = name.dropFirst(prefix.count)
            guard filed.hasPrefix(draft) else { return false }
            let rest = filed.dropFirst(draft.count)
            return rest.isEmpty || (rest.count == 8 && rest.first == "-" && rest.dropFirst().allSatisfy(\.isHexDigit))
        }.sorted()
    }

    /// The one rejection record of `draft` (tests that reject once).
    func rejectionRecord(of draft: String, in folder: URL? = nil, gitDir: String? = nil) throws -> String {
        let found = try records("rejected", of: draft, in: folder, gitDir: gitDir)
        return found.count == 1 ? found[0] : "(\(found.count) rejection records of \(draft): \(found))"
    }
}
