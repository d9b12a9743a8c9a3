import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `core.sharedRepository`, read and applied as Git does (`git_config_perm`, `calc_shared_perm`
/// and `adjust_shared_perm` in Git's `setup.c` and `path.c`).
///
/// libgit2 1.5 honours the setting only when it creates a repository (`git_repository_init_ext`
/// with a shared mode): loose objects, references, their folders and lock files are written later
/// with 0777/0666 less the process's umask, whatever the setting says (libgit2 issue #3733). So a
/// program that writes into a shared repository through libgit2 must set its own umask
/// (`processUmask`), and chmod what it creates itself (`adjust`).
public enum SharedRepository: Sendable, Equatable, CustomStringConvertible {
    /// `umask`, `false`, `0`, or unset: permissions come from the umask alone.
    case umask
    /// `group`, `true`, `1`: group-writable (files `| 0660`), folders setgid.
    case group
    /// `all`, `world`, `everybody`, `2`: group-writable and readable by all (files `| 0664`).
    case everybody
    /// `0xxx`: exactly these permission bits (`0660`, `0640`); folders also get `x` where `r` is given.
    case exact(UInt16)

    /// Reads a `core.sharedRepository` (or `init --shared`) value; nil when Git would refuse it
    /// (not a word it knows, or an octal mode that does not let the owner read and write).
    public init?(configValue value: String) {
        let text = value.trimmingCharacters(in: .whitespaces)
        if !text.isEmpty, text.allSatisfy({ ("0"..."7").contains($0) }) {
            guard let mode = UInt16(text, radix: 8), mode <= 0o7777 else { return nil }
            switch mode {
            case 0: self = .umask
            case 1: self = .group
            case 2: self = .everybody
            default:
                // Git: "The owner of files must always have read and write permissions."
                guard mode & 0o600 == 0o600 else { return nil }
                // Others can never get write permission; x bits of folders are handled apart.
                self = .exact(mode & 0o666)
            }
            return
        }
        switch text.lowercased() {
        case "umask", "false", "no", "off", "": self = .umask
        case "group", "true", "yes", "on": self = .group
        case "all", "world", "everybody": self = .everybody
        default: return nil
        }
    }

    /// The value `init --shared` writes into the config, as `git init --shared` does.
    public var configValue: String {
        switch self {
        case .umask: "0"
        case .group: "1"
        case .everybody: "2"
        case .exact(let mode): "0" + String(mode, radix: 8)
        }
    }

    public var description: String {
        switch self {
        case .umask: "umask"
        case .group: "group"
        case .everybody: "all"
        case .exact(let mode): "0" + String(mode, radix: 8)
        }
    }

    /// The bits Git adds (or, for `exact`, sets).
    private var tweak: UInt16 {
        switch self {
        case .umask: 0
        case .group: 0o660
        case .everybody: 0o664
        case .exact(let mode): mode
        }
    }

    /// The mode Git gives a file or folder of mode `mode` (permission bits only, plus setgid for
    /// a folder): `calc_shared_perm`, then for folders `x` where `r` is and the setgid bit.
    public func mode(for mode: UInt16, isFolder: Bool) -> UInt16 {
        if self == .umask { return mode & 0o7777 }
        var tweak = self.tweak
        // A file its owner cannot write (a loose object) gets no write bit for anyone.
        if mode & 0o200 == 0 { tweak &= ~0o222 }
        // An executable (and a folder) gets x wherever it gets r.
        if mode & 0o100 != 0 { tweak |= (tweak & 0o444) >> 2 }
        var result: UInt16
        if case .exact = self {
            result = (mode & ~0o777) | tweak
        } else {
            result = mode | tweak
        }
        if isFolder {
            result |= (result & 0o444) >> 2
            // Setgid, so what is made inside belongs to the group, when the group gets anything.
            if result & 0o060 != 0 { result |= 0o2000 }
        }
        return result & 0o7777
    }

    /// The umask under which what libgit2 (or a hook) creates with 0777/0666 gets the modes
    /// above, setgid aside (which a folder inherits from a setgid parent on Linux): the current
    /// umask with the group's (and for `all` the others' read) bits let through, or for `exact`
    /// the complement of its bits.
    public func processUmask(from current: UInt16) -> UInt16 {
        switch self {
        case .umask: current
        case .group, .everybody:
            // Never keep the owner from its own files.
            current & ~(tweak | (tweak & 0o444) >> 2) & 0o777
        case .exact(let mode):
            ~(mode | (mode & 0o444) >> 2) & 0o777
        }
    }

    /// Gives `url` the mode Git would give it (`adjust_shared_perm`), when this process owns it;
    /// false when it could not be changed (another account made it, which Git leaves alone too).
    @discardableResult
    public func adjust(_ url: URL) -> Bool {
        guard self != .umask else { return true }
        var info = stat()
        guard lstat(url.path, &info) == 0, info.st_mode & S_IFMT != S_IFLNK else { return false }
        let isFolder = info.st_mode & S_IFMT == S_IFDIR
        let current = UInt16(info.st_mode & 0o7777)
        let wanted = mode(for: current, isFolder: isFolder)
        if wanted == current { return true }
        guard info.st_uid == geteuid() else { return false }
        return chmod(url.path, mode_t(wanted)) == 0
    }

    /// `adjust` on `url` and everything under it (a repository just created).
    public func adjustTree(_ url: URL) {
        adjust(url)
        guard let walk = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil) else { return }
        for case let item as URL in walk { adjust(item) }
    }
}

extension Repository {
    /// The repository's `core.sharedRepository` (all config levels, as Git reads it): `.umask`
    /// when unset; nil when the value is one Git refuses.
    public func sharedRepository() throws -> SharedRepository? {
        guard let value = try configString("core.sharedRepository") else { return .umask }
        return SharedRepository(configValue: value)
    }

    /// Makes a freshly created repository shared as `shared` says, as `git init --shared` does:
    /// records `core.sharedRepository` (and `receive.denyNonFastforwards`), then gives every
    /// file and folder in it Git's shared mode, folders setgid.
    public func share(_ shared: SharedRepository) throws {
        guard shared != .umask else { return }
        try setConfigString("core.sharedRepository", shared.configValue)
        try setConfigString("receive.denyNonFastforwards", "true")
        shared.adjustTree(gitDirectory)
    }

    /// A push into a folder on this computer is written by this process (libgit2 runs no
    /// receive-pack there): when that repository is shared, its umask is adopted first.
    static func adoptSharing(ofFolder address: String) {
        guard let folder = localFolder(ofAddress: address), let remote = try? Repository.open(at: URL(fileURLWithPath: folder)),
            let shared = try? remote.sharedRepository(), shared != .umask
        else { return }
        adoptUmask(for: shared)
    }

    /// Sets this process's umask so that what libgit2 writes into this repository from now on
    /// (objects, references, their folders) is shared as `shared` says. Returns the umask before.
    @discardableResult
    public static func adoptUmask(for shared: SharedRepository) -> UInt16 {
        let current = UInt16(umask(0o022))
        umask(mode_t(shared.processUmask(from: current)))
        return current
    }
}
