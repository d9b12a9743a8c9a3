/// Marks the words that changed between two texts, as `git diff --word-diff` does.
public enum WordDiff {
    public enum Piece: Equatable, Sendable {
        case same(String), removed(String), added(String)
    }

    /// The most words, beyond those the two texts share at their start and end, that are
    /// compared word by word; past that, the middle is shown as replaced whole. (Answers hold
    /// at most a few thousand words, and Myers' diff is quadratic only in how much differs.)
    static let comparedWords = 8_000

    /// The pieces of `old` and `new`, common words shared, changed ones marked.
    ///
    /// The words are compared with the standard library's `CollectionDifference` (Myers'
    /// algorithm, O((n+m)·d) for d differing words); removed words come before added ones.
    public static func pieces(_ old: String, _ new: String) -> [Piece] {
        let a = old.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let b = new.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let prefix = zip(a, b).prefix { $0 == $1 }.count
        let suffix = zip(a.dropFirst(prefix).reversed(), b.dropFirst(prefix).reversed()).prefix { $0 == $1 }.count
        let middleA = a[prefix..<(a.count - suffix)]
        let middleB = b[prefix..<(b.count - suffix)]
        var pieces = Pieces()
        a[..<prefix].forEach { pieces.push(.same($0)) }
        if middleA.count + middleB.count > comparedWords {
            middleA.forEach { pieces.push(.removed($0)) }
            middleB.forEach { pieces.push(.added($0)) }
        } else {
            let difference = middleB.difference(from: middleA)
            var removed: Set<Int> = []
            var inserted: Set<Int> = []
            for change in difference {
                switch change {
                case .remove(let offset, _, _): removed.insert(offset)
                case .insert(let offset, _, _): inserted.insert(offset)
                }
            }
            var i = 0
            var j = 0
            while i < middleA.count || j < middleB.count {
                if i < middleA.count, removed.contains(i) {
                    pieces.push(.removed(middleA[prefix + i]))
                    i += 1
                } else if j < middleB.count, inserted.contains(j) {
                    pieces.push(.added(middleB[prefix + j]))
                    j += 1
                } else {
                    pieces.push(.same(middleA[prefix + i]))
                    i += 1
                    j += 1
                }
            }
        }
        a[(a.count - suffix)...].forEach { pieces.push(.same($0)) }
        return pieces.list
    }

    /// Pieces of one kind in a row joined into one.
    private struct Pieces {
        var list: [Piece] = []
        mutating func push(_ piece: Piece) {
            switch (list.last, piece) {
            case (.same(let x)?, .same(let y)): list[list.count - 1] = .same(x + " " + y)
            case (.removed(let x)?, .removed(let y)): list[list.count - 1] = .removed(x + " " + y)
            case (.added(let x)?, .added(let y)): list[list.count - 1] = .added(x + " " + y)
            default: list.append(piece)
            }
        }
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
