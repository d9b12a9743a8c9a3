import Foundation

/// FAQ records in the record cache's binary file: every field, in a fixed order.
extension CacheWriter {
    mutating func record(_ record: CachedFAQRecord) {
        int(record.size)
        bool(record.entry != nil)
        if let entry = record.entry {
            string(entry.id)
            texts(entry.question)
            texts(entry.answer)
            string(entry.category)
            int(entry.position)
            strings(entry.tags)
            bool(entry.lastReviewed != nil)
            if let day = entry.lastReviewed {
                int(day.count)
                day.forEach { int($0) }
            }
        }
        findings(record.reading)
        int(record.positions.count)
        for (field, place) in record.positions {
            string(field)
            int(place.count)
            place.forEach { int($0) }
        }
        int(record.listIndices.count)
        for (list, indices) in record.listIndices {
            string(list)
            int(indices.count)
            indices.forEach { int($0) }
        }
        findings(record.own)
    }

    private mutating func texts(_ translations: [String: String]) {
        int(translations.count)
        for (locale, text) in translations {
            string(locale)
            string(text)
        }
    }
}

extension CacheReader {
    mutating func record() throws(CacheDamage) -> CachedFAQRecord {
        let size = try int()
        var entry: CachedFAQEntry?
        if try bool() {
            let id = try string()
            let question = try texts()
            let answer = try texts()
            let category = try string()
            let position = try int()
            let tags = try strings()
            let lastReviewed = try bool() ? try ints() : nil
            entry = CachedFAQEntry(
                id: id, question: question, answer: answer, category: category, position: position, tags: tags, lastReviewed: lastReviewed)
        }
        let reading = try findings()
        var positions: [String: [Int]] = [:]
        for _ in 0..<(try count()) {
            let field = try string()
            positions[field] = try ints()
        }
        var listIndices: [String: [Int]] = [:]
        for _ in 0..<(try count()) {
            let list = try string()
            listIndices[list] = try ints()
        }
        return CachedFAQRecord(
            size: size, entry: entry, reading: reading, positions: positions, listIndices: listIndices, own: try findings())
    }

    private mutating func ints() throws(CacheDamage) -> [Int] {
        let count = try count()
        var values: [Int] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try int()) }
        return values
    }

    private mutating func texts() throws(CacheDamage) -> [String: String] {
        let count = try count()
        var translations: [String: String] = [:]
        translations.reserveCapacity(count)
        for _ in 0..<count {
            let locale = try string()
            translations[locale] = try string()
        }
        return translations
    }
}
