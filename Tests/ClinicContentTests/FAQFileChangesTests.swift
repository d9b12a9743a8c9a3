import ClinicContent
import ClinicTestSupport
import Foundation
import Testing

/// Working out a draft's changes from the FAQ files it changed alone must give
/// exactly what comparing both versions read whole gives.
@Suite("changes from the changed FAQ files alone")
struct FAQFileChangesTests {
    /// Random edits of FAQ entries only: texts, tags, positions (which move other
    /// entries on the page), new and removed entries.
    static func mutateFAQ(_ c: inout SiteContent, _ m: inout ContentMutator) {
        guard let i = m.pick(c.faq.count) else { return }
        switch Int.random(in: 0..<7, using: &m.random) {
        case 0: c.faq[i].question.set(m.word() + "?", locale: m.locale())
        case 1: c.faq[i].tags.append(m.word())
        case 2: c.faq[i].position = Int.random(in: 0...(c.faq.count + 1), using: &m.random)
        case 3:
            var entry = c.faq[i]
            entry.id = "new-\(m.word())"
            entry.position = Int.random(in: 0...(c.faq.count + 1), using: &m.random)
            c.faq.append(entry)
        case 4: if c.faq.count > 2 { c.faq.remove(at: i) }
        // The place of another entry: the order between the two then goes by id.
        case 5: c.faq[i].position = c.faq[m.pick(c.faq.count) ?? i].position
        default: c.faq[i].answer.set(m.word(), locale: "es")
        }
    }

    /// What the draft changed, as the tree comparison hands it over.
    static func changedFiles(_ a: [String: Data], _ b: [String: Data]) -> [ChangedContentFile] {
        Set(a.keys).union(b.keys).sorted().filter { a[$0] != b[$0] }.map {
            ChangedContentFile(path: $0, data: b[$0], oldSize: a[$0]?.count ?? 0, isPlain: true)
        }
    }

    @Test("the same changes as reading both versions whole, or none at all (300 random drafts)")
    func sameAsWholeComparison() throws {
        let base = try ContentLoader().load(from: FolderSource(root: repositoryRoot)).content
        var mutator = ContentMutator(random: SeededRandom(state: 20_261_129))
        var worked = 0
        var declined = 0
        for round in 0..<300 {
            var first = base
            for _ in 0..<Int.random(in: 0...2, using: &mutator.random) { mutator.mutate(&first) }
            var second = first
            for _ in 0..<Int.random(in: 1...3, using: &mutator.random) { Self.mutateFAQ(&second, &mutator) }
            // Now and then the draft changes something else too, or copies an entry under a second name.
            if round % 10 == 0 { mutator.mutate(&second) }
            let before = CanonicalWriter(defaultLocale: first.clinic.defaultLocale).files(for: first).mapValues { Data($0.utf8) }
            var after = CanonicalWriter(defaultLocale: second.clinic.defaultLocale).files(for: second).mapValues { Data($0.utf8) }
            if round % 10 == 5, let copied = after.keys.sorted().first(where: { $0.contains("/faq/") }) {
                after["content/faq/copy-\(round).md"] = after[copied]
            }
            let old = try ContentLoader().load(from: InMemorySource(files: before))
            let new = try ContentLoader().load(from: InMemorySource(files: after))
            let whole = ContentDiff.changes(from: old.content, to: new.content)
            guard let alone = ContentDiff.changes(from: old, changing: Self.changedFiles(before, after)) else {
                declined += 1
                continue
            }
            worked += 1
            #expect(alone == whole, "round \(round)")
        }
        // Most drafts change FAQ files only; the others (and the copied id) must be declined.
        #expect(worked > 200)
        #expect(declined >= 30)
    }

    @Test("one prepared base shared by many drafts: each gets what reading both versions whole gives (30 bases, 10 drafts each)")
    func sharedBase() throws {
        let root = try ContentLoader().load(from: FolderSource(root: repositoryRoot)).content
        var mutator = ContentMutator(random: SeededRandom(state: 20_261_130))
        func files(_ content: SiteContent) -> [String: Data] {
            CanonicalWriter(defaultLocale: content.clinic.defaultLocale).files(for: content).mapValues { Data($0.utf8) }
        }
        var worked = 0
        var moved = 0
        for round in 0..<30 {
            var first = root
            for _ in 0..<Int.random(in: 0...2, using: &mutator.random) { mutator.mutate(&first) }
            let before = files(first)
            let old = try ContentLoader().load(from: InMemorySource(files: before))
            let prepared = FAQChangeBase(old)
            for draft in 0..<10 {
                var second = first
                for _ in 0..<Int.random(in: 1...3, using: &mutator.random) { Self.mutateFAQ(&second, &mutator) }
                let after = files(second)
                let changed = Self.changedFiles(before, after)
                let new = try ContentLoader().load(from: InMemorySource(files: after))
                let alone = ContentDiff.changes(from: prepared, changing: changed)
                guard let alone else { continue }
                worked += 1
                if alone.contains(where: { $0.kind == .moved }) { moved += 1 }
                #expect(alone == ContentDiff.changes(from: old.content, to: new.content), "round \(round) draft \(draft)")
            }
        }
        #expect(worked > 250)
        #expect(moved > 20)
    }

    @Test("an entry whose file did not change is listed as moved when another moved past it")
    func unchangedEntryMoved() throws {
        var content = try ContentLoader().load(from: FolderSource(root: repositoryRoot)).content
        content.faq = Array(content.faq.prefix(2))
        content.faq[0].position = 1
        content.faq[1].position = 2
        let first = content.faq[0].id
        let second = content.faq[1].id
        let before = CanonicalWriter(defaultLocale: content.clinic.defaultLocale).files(for: content).mapValues { Data($0.utf8) }
        content.faq[0].position = 3
        let after = CanonicalWriter(defaultLocale: content.clinic.defaultLocale).files(for: content).mapValues { Data($0.utf8) }
        let changed = Self.changedFiles(before, after)
        #expect(changed.map(\.path) == ["content/faq/\(first).md"])
        let old = try ContentLoader().load(from: InMemorySource(files: before))
        let alone = try #require(ContentDiff.changes(from: old, changing: changed))
        #expect(Set(alone.map(\.entry)) == ["faq/\(first)", "faq/\(second)"])
    }
}
