import ArgumentParser

/// The one check for options that exclude each other: each named option with whether it was
/// given. Two give `give A or B, not both`; more give `give only one of A, B and C`. A name may
/// carry words after it (`--draft (an open draft)`).
enum OnlyOne {
    static func check(_ options: KeyValuePairs<String, Bool>) throws {
        guard options.filter(\.value).count > 1 else { return }
        let names = options.map(\.key)
        if names.count == 2 { throw ValidationError("give \(names[0]) or \(names[1]), not both") }
        throw ValidationError("give only one of \(names.dropLast().joined(separator: ", ")) and \(names.last!)")
    }
}
