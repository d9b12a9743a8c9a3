import ClinicContent
import ClinicTestSupport
import Testing

/// `WordDiff` over random texts: the pieces always rebuild both sides, and keep as many words as any
/// common subsequence would (checked against a plain longest-common-subsequence count).
@Suite("word diff, property")
struct WordDiffPropertyTests {
    static func words(_ random: inout SeededRandom, count: Int) -> [String] {
        let vocabulary = ["we", "use", "only", "sterile", "needles", "always", "disposable", "a", "thin", "needle"]
        return (0..<count).map { _ in vocabulary[Int(random.next() % UInt64(vocabulary.count))] }
    }

    static func lcs(_ a: [String], _ b: [String]) -> Int {
        var row = Array(repeating: 0, count: b.count + 1)
        for x in a {
            var diagonal = 0
            for (j, y) in b.enumerated() {
                let above = row[j + 1]
                row[j + 1] = x == y ? diagonal + 1 : max(row[j + 1], row[j])
                diagonal = above
            }
        }
        return row[b.count]
    }

    @Test("pieces rebuild the old and the new text, keep a longest common run of words, and list removals before additions")
    func rebuilds() {
        var random = SeededRandom(state: 20_261_207)
        for _ in 0..<300 {
            let a = Self.words(&random, count: Int(random.next() % 30))
            let b = Self.words(&random, count: Int(random.next() % 30))
            let pieces = WordDiff.pieces(a.joined(separator: " "), b.joined(separator: " "))
            var old: [String] = []
            var new: [String] = []
            var kept = 0
            for piece in pieces {
                switch piece {
                case .same(let text):
                    let words = text.split(separator: " ").map(String.init)
                    old += words
                    new += words
                    kept += words.count
                case .removed(let text): old += text.split(separator: " ").map(String.init)
                case .added(let text): new += text.split(separator: " ").map(String.init)
                }
            }
            #expect(old == a && new == b, "\(a) → \(b): \(pieces)")
            #expect(kept == Self.lcs(a, b), "\(a) → \(b): \(pieces)")
            // Two pieces of one kind are never side by side, and an addition never comes right before a removal.
            for (first, second) in zip(pieces, pieces.dropFirst()) {
                if case .added = first, case .removed = second { Issue.record("added before removed: \(pieces)") }
                switch (first, second) {
                case (.same, .same), (.removed, .removed), (.added, .added): Issue.record("not joined: \(pieces)")
                default: break
                }
            }
        }
    }

    @Test("a text past the compared length is shown replaced in the middle, its shared start and end kept")
    func longTexts() {
        let middle = 9_000
        let old = "start " + Array(repeating: "x", count: middle).joined(separator: " ") + " end"
        let new = "start " + Array(repeating: "y", count: middle).joined(separator: " ") + " end"
        let pieces = WordDiff.pieces(old, new)
        #expect(pieces.count == 4)
        #expect(pieces.first == .same("start") && pieces.last == .same("end"))
    }
}
