internal import ClinicGit
import Foundation

/// Settings of one copy of the repository, kept in its own Git config (`.git/config`),
/// never in the content and never committed: who this copy's user is.
public struct LocalSettings: Sendable, Codable, Equatable {
    /// Where the acting person comes from when no `--as` is given.
    public enum IdentitySource: String, Sendable, Codable {
        case environment = "CLINICCTL_AUTHOR"
        case saved = "clinicctl config"
        case git = "git config"
    }

    /// The Git config key holding the saved `Name <email>`.
    public static let authorKey = "clinicctl.author"

    /// The person saved with `clinicctl config --as`, if any.
    public var savedAuthor: Person?
    /// Who clinicctl acts as without `--as`, and where that comes from; nil when nobody is known.
    public var actingAs: Person?
    public var actingAsSource: IdentitySource?
}

extension ContentRepository {
    /// This copy's settings, and who a command without `--as` acts as.
    public func localSettings() throws -> LocalSettings {
        let saved = try savedAuthor()
        var settings = LocalSettings(savedAuthor: saved)
        if let person = try? identity(explicit: nil) {
            settings.actingAs = person
            if let fromEnvironment = environment.variables["CLINICCTL_AUTHOR"], !fromEnvironment.isEmpty {
                settings.actingAsSource = .environment
            } else {
                settings.actingAsSource = saved == person ? .saved : .git
            }
        }
        return settings
    }

    /// The person saved for this repository; an error names the config key when its value is not `Name <email>`.
    public func savedAuthor() throws -> Person? {
        try withGit { try Self.savedAuthor(in: $0) }
    }

    static func savedAuthor(in git: Repository) throws -> Person? {
        guard let text = try throughGit({ try git.configString(LocalSettings.authorKey) }), !text.isEmpty else { return nil }
        guard let person = Person(parsing: text) else {
            throw WorkflowError(
                .usage,
                "the saved identity \"\(text)\" (Git config \(LocalSettings.authorKey)) is not of the form \"Name <email@example.com>\"; save it again with `clinicctl config --as \"Name <email>\"`"
            )
        }
        return person
    }

    /// Saves `text` (`Name <email>`) as this repository's identity; refused, writing nothing, when it is not of that form.
    public func saveAuthor(_ text: String) throws -> Person {
        guard let person = Person(parsing: text) else {
            throw WorkflowError(.usage, "--as \"\(text)\" is not of the form \"Name <email@example.com>\"; nothing was saved")
        }
        try withGit { try $0.setConfigString(LocalSettings.authorKey, person.description) }
        return person
    }

    /// Forgets the saved identity; false when none was saved in this repository.
    public func forgetAuthor() throws -> Bool {
        try withGit { try $0.removeLocalConfig(LocalSettings.authorKey) }
    }
}
