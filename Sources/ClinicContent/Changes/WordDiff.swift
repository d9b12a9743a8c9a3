/// Marks the words that changed between two texts, as `git diff --word-diff` does.
public enum WordDiff {
    public enum Piece: Equatable, Sendable {
        case same(String), removed(String), added(String)
    }

    /// The pieces of `old` and `new`, common words shared, changed ones marked.
    public static func pieces(_ old: String, _ new: String) -> [Piece] {
        let a = old.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let b = new.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        // Longest common subsequence over words; answers are at most ~2,000 words.
        guard a.count * b.count <= 4_000_000 else { return [.removed(old), .added(new)] }
        var lengths = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lengths[i][j] = a[i] == b[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var pieces: [Piece] = []
        func push(_ piece: Piece) {
            switch (pieces.last, piece) {
            case (.same(let x)?, .same(let y)): pieces[pieces.count - 1] = .same(x + " " + y)
            case (.removed(let x)?, .removed(let y)): pieces[pieces.count - 1] = .removed(x + " " + y)
            case (.added(let x)?, .added(let y)): pieces[pieces.count - 1] = .added(x + " " + y)
            default: pieces.append(piece)
            }
        }
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                push(.same(a[i]))
                i += 1
                j += 1
            } else if i < a.count, j == b.count || lengths[i + 1][j] >= lengths[i][j + 1] {
                // Removed words first, then added ones, as git's word diff shows them.
                push(.removed(a[i]))
                i += 1
            } else {
                push(.added(b[j]))
                j += 1
            }
        }
        return pieces
    }

    /// `kept [-old words-] {+new words+} kept`.
    public static func marked(_ old: String, _ new: String) -> String {
        pieces(old, new).map { piece in
            switch piece {
            case .same(let text): text
            case .removed(let text): "[-\(text)-]"
            case .added(let text): "{+\(text)+}"
            }
        }.joined(separator: " ")
    }
}
