import CLibGit2

extension NetworkSession {
    /// Refuses the whole push (before any object is sent) when a leased reference is not,
    /// on the server, what this copy last saw: someone else moved it meanwhile.
    func checkLeases(_ updates: UnsafeMutablePointer<UnsafePointer<git_push_update>?>?, _ count: Int) -> Int32 {
        guard !leases.isEmpty, let updates else { return 0 }
        for index in 0..<count {
            guard let update = updates[index]?.pointee, let name = update.dst_refname.map({ String(cString: $0) }),
                let expected = leases[name]
            else { continue }
            let current = ObjectID(update.src)
            guard current != expected else { continue }
            failure = GitError(
                code: .modified, operation: "push \(name)",
                message: "the server's \(name) moved since this copy last saw it (\(expected.short), now "
                    + "\(current.hex.allSatisfy { $0 == "0" } ? "removed" : current.short)); nothing was sent")
            return -1
        }
        return 0
    }
}
