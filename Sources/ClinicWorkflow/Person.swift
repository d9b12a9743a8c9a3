internal import ClinicGit
import Foundation

/// Someone who edits, reviews or approves: a name and an e-mail address.
public struct Person: Hashable, Sendable, Codable, CustomStringConvertible {
    public var name: String
    public var email: String

    public init(name: String, email: String) {
        self.name = name
        self.email = email
    }

    /// Reads `Name <email>`; nil when either part is missing.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let open = trimmed.lastIndex(of: "<"), trimmed.hasSuffix(">") else { return nil }
        let name = trimmed[..<open].trimmingCharacters(in: .whitespaces)
        let email = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
            .trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, email.contains("@"), !email.contains(" "), !name.contains("<"), !name.contains(">") else { return nil }
        self.init(name: name, email: email)
    }

    /// `Name <email>`.
    public var description: String { "\(name) <\(email)>" }

    /// Whether two people are the same person (e-mail addresses compared case-insensitively).
    public func isSame(as other: Person) -> Bool { email.caseInsensitiveCompare(other.email) == .orderedSame }
}

/// What a command needs from the world outside: the time, who is acting, and
/// the process environment. Injected where a command starts so that tests
/// set it instead of mocking globals.
public struct WorkEnvironment: Sendable {
    public var now: @Sendable () -> Date
    /// The time zone offset written into commits, in minutes east of UTC.
    public var timeZoneOffsetMinutes: Int
    public var variables: [String: String]
    /// Where a command says something worth knowing that is not its result
    /// (a recovered lock); standard error unless a test listens.
    public var notice: @Sendable (String) -> Void = { FileHandle.standardError.write(Data("note: \($0)\n".utf8)) }
    /// Where a command warns about something the person may not have meant (a name with
    /// several meanings); standard error unless a test listens.
    public var warning: @Sendable (String) -> Void = { FileHandle.standardError.write(Data("warning: \($0)\n".utf8)) }

    public init(
        now: @escaping @Sendable () -> Date = { Date() }, timeZoneOffsetMinutes: Int? = nil,
        variables: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.now = now
        self.timeZoneOffsetMinutes = timeZoneOffsetMinutes ?? TimeZone.current.secondsFromGMT() / 60
        self.variables = variables
    }

    /// The acting person: `--as`, else `CLINICCTL_AUTHOR`, else the identity saved with
    /// `clinicctl config --as` (Git config `clinicctl.author`), else Git's `user.name` and `user.email`.
    func identity(explicit: String?, repository: Repository?) throws -> Person {
        if let explicit {
            guard let person = Person(parsing: explicit) else {
                throw WorkflowError(.usage, "--as \"\(explicit)\" is not of the form \"Name <email@example.com>\"")
            }
            return person
        }
        if let fromEnvironment = variables["CLINICCTL_AUTHOR"], !fromEnvironment.isEmpty {
            guard let person = Person(parsing: fromEnvironment) else {
                throw WorkflowError(.usage, "CLINICCTL_AUTHOR=\"\(fromEnvironment)\" is not of the form \"Name <email@example.com>\"")
            }
            return person
        }
        if let repository, let saved = try ContentRepository.savedAuthor(in: repository) { return saved }
        let configured = try throughGit { () -> Person? in
            guard let repository, let name = try repository.configString("user.name"),
                let email = try repository.configString("user.email"),
                !name.isEmpty, !email.isEmpty
            else { return nil }
            return Person(name: name, email: email)
        }
        if let configured { return configured }
        throw WorkflowError(.identity, "clinicctl does not know who you are", remedy: .setIdentity)
    }

    func signature(_ person: Person) -> Signature {
        Signature(name: person.name, email: person.email, time: now(), timeZoneOffsetMinutes: timeZoneOffsetMinutes)
    }
}
