import Foundation

/// A person who may approve drafts.
public struct Reviewer: Hashable, Sendable, Codable {
    public var name: String
    public var email: String
    public init(name: String, email: String) {
        self.name = name
        self.email = email
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

    public init(publishedBranch: String = "main", contentDirectory: String = "content", reviewers: [Reviewer] = []) {
        self.publishedBranch = publishedBranch
        self.contentDirectory = contentDirectory
        self.reviewers = reviewers
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
                        email: r.string("email", required: .reviewerEmailRequired) ?? "")
                } ?? []
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
        return (config, findings)
    }

    /// Whether `email` belongs to a listed reviewer (case-insensitive).
    public func isReviewer(email: String) -> Bool {
        reviewers.contains { $0.email.caseInsensitiveCompare(email) == .orderedSame }
    }
}
