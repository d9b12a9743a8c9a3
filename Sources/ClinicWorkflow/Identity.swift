import Foundation

extension ContentRepository {
    /// The acting person: `explicit` (`--as`), else `CLINICCTL_AUTHOR`, else
    /// this repository's Git `user.name` and `user.email`.
    public func identity(explicit: String?) throws -> Person {
        try withGit { git in try environment.identity(explicit: explicit, repository: git) }
    }
}

extension WorkEnvironment {
    /// The acting person where there is no repository yet: `explicit`, else `CLINICCTL_AUTHOR`,
    /// else the user's global Git identity.
    public func identity(explicit: String?) throws -> Person {
        try identity(explicit: explicit, repository: nil)
    }
}
