import CLibGit2

/// Trailer parsing, shared by `CommitInfo.trailers` and callers that hold a message
/// before it becomes a commit.
public enum Trailers {
    /// The `Key: value` lines of the message's last paragraph, parsed the way
    /// `git interpret-trailers --parse` does (libgit2's `git_message_trailers`).
    /// A message without a trailer block gives an empty array.
    public static func parse(_ message: String) -> [CommitInfo.Trailer] {
        ensureLibgit2()
        var array = git_message_trailer_array()
        guard git_message_trailers(&array, message) == 0 else { return [] }
        defer { git_message_trailer_array_free(&array) }
        return (0..<array.count).map { index in
            let trailer = array.trailers[index]
            return CommitInfo.Trailer(
                key: String(cString: trailer.key), value: String(cString: trailer.value))
        }
    }
}
