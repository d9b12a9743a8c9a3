import ArgumentParser
import ClinicWorkflow
import Foundation

/// Values read from the command line as the workflow's own types, each with the words that say
/// what a bad one is.
enum TypedArgument {
    /// `Name <email>`, as `Person(parsing:)` reads it.
    static func person(_ text: String) throws -> Person {
        guard let person = Person(parsing: text) else { throw ValidationError("\"\(text)\" is not of the form \"Name <email>\"") }
        return person
    }

    /// `hooks`, `settings`, `files`, comma-separated.
    static func acceptances(_ text: String) throws -> [Acceptance] {
        try text.split(separator: ",").map { word in
            let word = word.trimmingCharacters(in: .whitespaces)
            guard let acceptance = Acceptance(rawValue: word) else {
                throw ValidationError("--accept takes hooks, settings or files, not \"\(word)\"")
            }
            return acceptance
        }
    }
}

/// A draft's id as an argument: any text but the empty one (the draft is then looked up,
/// and an id Git could not hold as a branch is no draft).
extension DraftID: ExpressibleByArgument {
    public init?(argument: String) {
        guard !argument.isEmpty else { return nil }
        self.init(argument)
    }
}
