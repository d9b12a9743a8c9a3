import Foundation

/// A Git object name (SHA-1), always 40 lowercase hex digits.
public struct ObjectID: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    /// The full name: 40 lowercase hex digits.
    public let hex: String

    /// Accepts exactly 40 hex digits (either case; stored lowercase), nil otherwise.
    public init?(hex: String) {
        guard hex.utf8.count == 40, hex.utf8.allSatisfy({ $0.isASCIIHexDigit }) else { return nil }
        self.hex = hex.lowercased()
    }

    init(validatedHex: String) {
        hex = validatedHex
    }

    /// The abbreviated form people see in logs: the first 7 digits.
    public var short: String { String(hex.prefix(7)) }

    public var description: String { hex }

    public static func < (lhs: ObjectID, rhs: ObjectID) -> Bool { lhs.hex < rhs.hex }

    /// Encoded as the bare hex string, so ids read naturally in JSON and YAML.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let id = ObjectID(hex: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not a 40-digit hex object id")
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }
}

extension UInt8 {
    fileprivate var isASCIIHexDigit: Bool {
        (0x30...0x39).contains(self) || (0x41...0x46).contains(self) || (0x61...0x66).contains(self)
    }
}

/// Who made a commit and when. Git keeps whole seconds: a fractional `time` is rounded
/// down when written.
public struct Signature: Equatable, Sendable {
    public var name: String
    public var email: String
    public var time: Date
    /// Offset of the author's local time from UTC, in minutes (e.g. -300 for UTC-5).
    public var timeZoneOffsetMinutes: Int

    public init(name: String, email: String, time: Date, timeZoneOffsetMinutes: Int = 0) {
        self.name = name
        self.email = email
        self.time = time
        self.timeZoneOffsetMinutes = timeZoneOffsetMinutes
    }
}

/// A commit, copied out of the repository.
public struct CommitInfo: Equatable, Sendable {
    /// One `Key: value` line of a message's trailer block (as `git interpret-trailers` sees it).
    public struct Trailer: Hashable, Sendable {
        public let key: String
        public let value: String

        public init(key: String, value: String) {
            self.key = key
            self.value = value
        }
    }

    public let id: ObjectID
    public let tree: ObjectID
    /// First parent first, as Git records them.
    public let parents: [ObjectID]
    public let author: Signature
    public let committer: Signature
    /// The full message as stored (libgit2 drops leading blank lines only).
    public let message: String

    public init(
        id: ObjectID, tree: ObjectID, parents: [ObjectID], author: Signature,
        committer: Signature, message: String
    ) {
        self.id = id
        self.tree = tree
        self.parents = parents
        self.author = author
        self.committer = committer
        self.message = message
    }

    /// The first non-blank line of the message, without surrounding whitespace.
    public var summary: String {
        let lines = message.split(separator: "\n", omittingEmptySubsequences: false)
        let first = lines.first { !$0.allSatisfy(\.isWhitespace) } ?? ""
        return first.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The message's trailers, in order (see `Trailers.parse`).
    public var trailers: [Trailer] { Trailers.parse(message) }
}

/// One edit to apply to a tree. Paths are relative to the repository root, "/"-separated.
public enum FileChange: Equatable, Sendable {
    /// Creates or replaces a file. Replacing an executable file keeps it executable.
    case write(path: String, contents: Data)
    /// Creates or replaces a file and marks it executable (mode 100755), e.g. a hook script.
    case writeExecutable(path: String, contents: Data)
    /// Removes a file or a whole directory; nothing happens when it is absent.
    case delete(path: String)

    public var path: String {
        switch self {
        case .write(let path, _), .writeExecutable(let path, _), .delete(let path): path
        }
    }
}

/// A file that differs between two commits.
public struct PathChange: Equatable, Sendable {
    public enum Kind: Hashable, Sendable { case added, modified, deleted }

    public let path: String
    public let kind: Kind

    public init(path: String, kind: Kind) {
        self.path = path
        self.kind = kind
    }
}

/// The result of a merge, revert or cherry-pick computed in memory.
public struct MergeOutcome: Equatable, Sendable {
    /// The merged tree, or nil when there were conflicts.
    public let tree: ObjectID?
    /// Repository-relative paths in conflict, sorted; empty when `tree` is set.
    public let conflictedPaths: [String]

    public init(tree: ObjectID?, conflictedPaths: [String]) {
        self.tree = tree
        self.conflictedPaths = conflictedPaths
    }

    public var hasConflicts: Bool { tree == nil }
}

/// A reference and the commit (or object) it points at, symbolic references resolved.
public struct ReferenceTarget: Equatable, Sendable {
    public let name: String
    public let target: ObjectID

    public init(name: String, target: ObjectID) {
        self.name = name
        self.target = target
    }
}
