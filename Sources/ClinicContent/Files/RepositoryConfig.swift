import Foundation

/// A person who may approve drafts.
public struct Reviewer: Hashable, Sendable, Codable {
    public var name: String
    public var email: String
    /// The SSH public keys whose signatures count as this reviewer's, as
    /// `authorized_keys` lines (`ssh-ed25519 AAAA... comment`).
    public var keys: [String]
    public init(name: String, email: String, keys: [String] = []) {
        self.name = name
        self.email = email
        self.keys = keys
    }
}

/// The repository's clinicctl settings (`clinicctl.yaml` at its top).
public struct RepositoryConfig: Hashable, Sendable {
    public static let fileName = "clinicctl.yaml"

    /// The branch visitors see; edits become drafts until approved onto it.
    public var publishedBranch: String
    /// Where the content lives (`content`).
    public var contentDirectory: String
    /// Who may approve drafts, as listed on the published branch.
    public var reviewers: [Reviewer]
    /// Whether every approval must be signed with a key listed for its reviewer.
    public var requireSignedApprovals: Bool

    public init(
        publishedBranch: String = "main", contentDirectory: String = "content", reviewers: [Reviewer] = [],
        requireSignedApprovals: Bool = false
    ) {
        self.publishedBranch = publishedBranch
        self.contentDirectory = contentDirectory
        self.reviewers = reviewers
        self.requireSignedApprovals = requireSignedApprovals
    }

    public var layout: ContentLayout { ContentLayout(directory: contentDirectory) }

    /// Reads the configuration; a missing file means the defaults. Problems are findings.
    public static func load(from source: any ContentSource) throws -> (RepositoryConfig, [Finding]) {
        guard let data = try source.read(fileName) else { return (RepositoryConfig(), []) }
        guard let text = String(data: data, encoding: .utf8) else {
            return (RepositoryConfig(), [Finding(.textEncoding, file: fileName, message: "the file is not UTF-8 text")])
        }
        let reader = YAMLFieldReader(file: fileName, empty: .configEmpty, map: SourceMap())
        var config = RepositoryConfig()
        if let node = reader.parse(text), let f = reader.fields(node, at: "") {
            config.publishedBranch = f.string("publishedBranch") ?? "main"
            config.contentDirectory = f.string("contentDirectory") ?? "content"
            config.reviewers =
                f.list("reviewers") { r, _ in
                    Reviewer(
                        name: r.string("name", required: .reviewerNameRequired) ?? "",
                        email: r.string("email", required: .reviewerEmailRequired) ?? "",
                        keys: r.strings("keys") ?? [])
                } ?? []
            config.requireSignedApprovals = f.bool("requireSignedApprovals") ?? false
            f.finish()
        }
        var findings = reader.findings
        let directory = config.contentDirectory
        if directory.isEmpty || directory.hasPrefix("/") || directory.split(separator: "/").contains("..") {
            findings.append(
                reader.map.finding(
                    .configContentDirectory, fileName, "contentDirectory",
                    "contentDirectory must be a folder inside the repository, like content"))
            config.contentDirectory = "content"
        }
        for (index, reviewer) in config.reviewers.enumerated() where !reviewer.email.isEmpty && !Formats.isEmail(reviewer.email) {
            findings.append(
                reader.map.finding(
                    .configReviewer, fileName, "\(reader.map.entry(fileName, "reviewers", index)).email",
                    "reviewer email \"\(reviewer.email)\" is not an e-mail address"))
        }
        for (index, reviewer) in config.reviewers.enumerated() {
            for (keyIndex, key) in reviewer.keys.enumerated() {
                guard let problem = SSHKeyLine.problem(key) else { continue }
                findings.append(
                    reader.map.finding(
                        .configReviewerKey, fileName, "\(reader.map.entry(fileName, "reviewers", index)).keys[\(keyIndex)]",
                        "key \(keyIndex + 1) of reviewer \(reviewer.email): \(problem)"))
            }
        }
        return (config, findings)
    }

    /// Whether `email` belongs to a listed reviewer (case-insensitive).
    public func isReviewer(email: String) -> Bool {
        reviewers.contains { $0.email.caseInsensitiveCompare(email) == .orderedSame }
    }
}
