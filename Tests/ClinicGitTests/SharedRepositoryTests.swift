import ClinicGit
import Foundation
import Testing

/// `core.sharedRepository` read and applied as Git does (issue 25, item 1).
@Suite("Shared repositories: Git's modes")
struct SharedRepositoryTests {
    @Test(
        "each value Git takes reads as Git reads it",
        arguments: [
            ("group", SharedRepository.group), ("true", .group), ("1", .group), ("yes", .group),
            ("all", .everybody), ("world", .everybody), ("everybody", .everybody), ("2", .everybody),
            ("umask", .umask), ("false", .umask), ("0", .umask), ("00", .umask),
            ("0660", .exact(0o660)), ("0640", .exact(0o640)), ("660", .exact(0o660)), ("0666", .exact(0o666)),
            // Others never get write permission, and x is for folders alone.
            ("0777", .exact(0o666)), ("0751", .exact(0o640)),
        ])
    func readsEachValue(text: String, expected: SharedRepository) {
        #expect(SharedRepository(configValue: text) == expected, "\(text)")
    }

    @Test("values Git refuses are refused: words it does not know, modes the owner cannot read and write")
    func refusesWhatGitRefuses() {
        for text in ["sometimes", "0440", "0060", "08", "0x660", "-1"] {
            #expect(SharedRepository(configValue: text) == nil, "\(text)")
        }
    }

    @Test("the config value written is git init --shared's")
    func configValue() {
        #expect(SharedRepository.group.configValue == "1")
        #expect(SharedRepository.everybody.configValue == "2")
        #expect(SharedRepository.exact(0o640).configValue == "0640")
    }

    @Test("files get calc_shared_perm's mode: group bits added, write only where the owner writes")
    func fileModes() {
        // A reference, a lock file or the config (0666 less umask 022 = 0644).
        #expect(SharedRepository.group.mode(for: 0o644, isFolder: false) == 0o664)
        #expect(SharedRepository.everybody.mode(for: 0o600, isFolder: false) == 0o664)
        #expect(SharedRepository.exact(0o660).mode(for: 0o644, isFolder: false) == 0o660)
        #expect(SharedRepository.exact(0o640).mode(for: 0o666, isFolder: false) == 0o640)
        // A loose object (0444): nobody gets write.
        #expect(SharedRepository.group.mode(for: 0o444, isFolder: false) == 0o444)
        #expect(SharedRepository.exact(0o660).mode(for: 0o400, isFolder: false) == 0o440)
        // An executable hook: x where r is given.
        #expect(SharedRepository.group.mode(for: 0o755, isFolder: false) == 0o775)
        #expect(SharedRepository.exact(0o640).mode(for: 0o700, isFolder: false) == 0o750)
        #expect(SharedRepository.umask.mode(for: 0o644, isFolder: false) == 0o644)
    }

    @Test("folders get x where r is, and the setgid bit when the group gets anything")
    func folderModes() {
        #expect(SharedRepository.group.mode(for: 0o755, isFolder: true) == 0o2775)
        #expect(SharedRepository.group.mode(for: 0o700, isFolder: true) == 0o2770)
        #expect(SharedRepository.everybody.mode(for: 0o700, isFolder: true) == 0o2775)
        #expect(SharedRepository.exact(0o660).mode(for: 0o755, isFolder: true) == 0o2770)
        #expect(SharedRepository.exact(0o640).mode(for: 0o755, isFolder: true) == 0o2750)
        #expect(SharedRepository.umask.mode(for: 0o755, isFolder: true) == 0o755)
    }

    @Test("the process umask makes libgit2's 0777 folders and 0666 files come out as Git's modes (setgid aside)")
    func umaskMatchesTheModes() {
        for shared in [SharedRepository.group, .everybody, .exact(0o660), .exact(0o640)] {
            for current: UInt16 in [0o022, 0o027, 0o077, 0o002] {
                let mask = shared.processUmask(from: current)
                let folder = 0o777 & ~mask
                let file = 0o666 & ~mask
                let fromFile = shared.mode(for: 0o666 & ~current, isFolder: false)
                let fromFolder = shared.mode(for: 0o777 & ~current, isFolder: true) & 0o777
                #expect(file == fromFile, "\(shared) umask \(String(current, radix: 8))")
                #expect(folder == fromFolder, "\(shared) umask \(String(current, radix: 8))")
            }
        }
        #expect(SharedRepository.group.processUmask(from: 0o022) == 0o002)
        #expect(SharedRepository.umask.processUmask(from: 0o027) == 0o027)
    }

    @Test("a folder path or file:// is on this computer; ssh, scp-like, https and git:// addresses are servers")
    func localAddresses() {
        #expect(Repository.localFolder(ofAddress: "/srv/clinic.git") == "/srv/clinic.git")
        #expect(Repository.localFolder(ofAddress: "../clinic.git") == "../clinic.git")
        #expect(Repository.localFolder(ofAddress: "file:///srv/clinic%20site.git") == "/srv/clinic site.git")
        #expect(Repository.localFolder(ofAddress: "FILE:///srv/clinic.git") == "/srv/clinic.git")
        #expect(Repository.localFolder(ofAddress: "./a:b/clinic.git") == "./a:b/clinic.git")
        for server in [
            "ssh://olivia@host/srv/clinic.git", "olivia@host:srv/clinic.git", "host:clinic.git", "https://host/clinic.git",
            "git://127.0.0.1:9418/repo",
        ] {
            #expect(Repository.localFolder(ofAddress: server) == nil, "\(server)")
        }
    }
}
