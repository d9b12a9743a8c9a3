import CLibGit2
import Foundation

extension Repository {
    /// The value of `key` in the repository's own config (`.git/config`) only; nil when unset there.
    public func localConfigString(_ key: String) throws -> String? {
        try withLocalConfig("read config \(key)") { local, operation in
            var snapshot: OpaquePointer?
            try check(git_config_snapshot(&snapshot, local), operation)
            defer { git_config_free(snapshot) }
            var value: UnsafePointer<CChar>?
            let result = git_config_get_string(&value, snapshot, key)
            if result == GIT_ENOTFOUND.rawValue { return nil }
            try check(result, operation)
            return String(cString: value!)
        }
    }

    /// Every value of the multi-valued `key` as Git would see it (all levels), in order; empty when unset.
    public func configStrings(_ key: String) throws -> [String] {
        let operation = "read config \(key)"
        var config: OpaquePointer?
        try check(git_repository_config_snapshot(&config, handle), operation)
        defer { git_config_free(config) }
        var iterator: OpaquePointer?
        let result = git_config_multivar_iterator_new(&iterator, config, key, nil)
        if result == GIT_ENOTFOUND.rawValue { return [] }
        try check(result, operation)
        defer { git_config_iterator_free(iterator) }
        var values: [String] = []
        var entry: UnsafeMutablePointer<git_config_entry>?
        while true {
            let next = git_config_next(&entry, iterator)
            if next == GIT_ITEROVER.rawValue { break }
            try check(next, operation)
            if let value = entry?.pointee.value { values.append(String(cString: value)) }
        }
        return values
    }

    /// Sets `key` in the repository's own config (`.git/config`), never the global one.
    public func setConfigString(_ key: String, _ value: String) throws {
        try withLocalConfig("set config \(key)") { local, operation in
            try check(git_config_set_string(local, key, value), operation)
        }
    }

    /// Removes `key` from the repository's own config; false when it was not set there.
    @discardableResult
    public func removeLocalConfig(_ key: String) throws -> Bool {
        try withLocalConfig("unset config \(key)") { local, operation in
            let result = git_config_delete_entry(local, key)
            if result == GIT_ENOTFOUND.rawValue { return false }
            try check(result, operation)
            return true
        }
    }

    /// Runs `body` with the repository-level config (never the global or system one).
    private func withLocalConfig<T>(_ operation: String, _ body: (OpaquePointer?, String) throws -> T) throws -> T {
        var config: OpaquePointer?
        try check(git_repository_config(&config, handle), operation)
        defer { git_config_free(config) }
        var local: OpaquePointer?
        try check(git_config_open_level(&local, config, GIT_CONFIG_LEVEL_LOCAL), operation)
        defer { git_config_free(local) }
        return try body(local, operation)
    }
}

/// The value of `key` in the global and system Git configuration (for a clone, which has no
/// repository yet); nil when unset or unreadable.
func defaultConfigString(_ key: String) -> String? {
    ensureLibgit2()
    var config: OpaquePointer?
    guard git_config_open_default(&config) == 0 else { return nil }
    defer { git_config_free(config) }
    var snapshot: OpaquePointer?
    guard git_config_snapshot(&snapshot, config) == 0 else { return nil }
    defer { git_config_free(snapshot) }
    var value: UnsafePointer<CChar>?
    guard git_config_get_string(&value, snapshot, key) == 0, let value else { return nil }
    return String(cString: value)
}
