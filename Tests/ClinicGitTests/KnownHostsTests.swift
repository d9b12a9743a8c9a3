import ClinicGit
import Foundation
import Testing

/// A fresh ed25519 key made by ssh-keygen: its public line and its blob.
private func makeKey(in scratch: URL, _ name: String) throws -> (line: String, blob: [UInt8], fingerprint: String) {
    let path = scratch.appendingPathComponent(name).path
    _ = try runProgram("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", path])
    let line = try String(contentsOfFile: path + ".pub", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
    let parts = line.split(separator: " ")
    let fingerprint = try runProgram("/usr/bin/ssh-keygen", ["-l", "-E", "sha256", "-f", path + ".pub"]).split(separator: " ")[1]
    return ("\(parts[0]) \(parts[1])", [UInt8](Data(base64Encoded: String(parts[1]))!), String(fingerprint))
}

private func runProgram(_ path: String, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}

@Suite("Known hosts")
struct KnownHostsTests {
    @Test func trustsOnlyTheListedKeyForTheHostAndPort() throws {
        try withScratch { scratch in
            let key = try makeKey(in: scratch, "host")
            let other = try makeKey(in: scratch, "other")
            let hosts = KnownHosts(text: "# comment\n[127.0.0.1]:2222 \(key.line)\ngit.clinic.example,10.0.0.1 \(key.line)\n")
            #expect(hosts.verdict(host: "127.0.0.1", port: 2222, keyType: "ssh-ed25519", key: key.blob) == .trusted)
            #expect(hosts.verdict(host: "GIT.clinic.example", port: 22, keyType: "ssh-ed25519", key: key.blob) == .trusted)
            #expect(hosts.verdict(host: "10.0.0.1", port: nil, keyType: "ssh-ed25519", key: key.blob) == .trusted)
            // Another port is another host to ssh.
            #expect(hosts.verdict(host: "127.0.0.1", port: 2223, keyType: "ssh-ed25519", key: key.blob) == .unknown)
            #expect(hosts.verdict(host: "127.0.0.1", port: 2222, keyType: "ssh-ed25519", key: other.blob) == .changed)
            #expect(hosts.verdict(host: "elsewhere.example", port: nil, keyType: "ssh-ed25519", key: key.blob) == .unknown)
        }
    }

    @Test func readsEntriesHashedBySSHKeygen() throws {
        try withScratch { scratch in
            let key = try makeKey(in: scratch, "host")
            let file = scratch.appendingPathComponent("known_hosts")
            try "[127.0.0.1]:2222 \(key.line)\nplain.example \(key.line)\n".write(to: file, atomically: true, encoding: .utf8)
            _ = try runProgram("/usr/bin/ssh-keygen", ["-H", "-f", file.path])
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(!text.contains("127.0.0.1") && text.contains("|1|"))
            let hosts = KnownHosts(contentsOf: file)
            #expect(hosts.verdict(host: "127.0.0.1", port: 2222, keyType: "ssh-ed25519", key: key.blob) == .trusted)
            #expect(hosts.verdict(host: "plain.example", port: 22, keyType: "ssh-ed25519", key: key.blob) == .trusted)
            #expect(hosts.verdict(host: "127.0.0.1", port: 2223, keyType: "ssh-ed25519", key: key.blob) == .unknown)
        }
    }

    @Test func honoursRevokedKeysPatternsAndNegations() throws {
        try withScratch { scratch in
            let key = try makeKey(in: scratch, "host")
            let hosts = KnownHosts(text: "*.clinic.example,!old.clinic.example \(key.line)\n@revoked lost.example \(key.line)\n")
            #expect(hosts.verdict(host: "git.clinic.example", port: nil, keyType: "ssh-ed25519", key: key.blob) == .trusted)
            #expect(hosts.verdict(host: "old.clinic.example", port: nil, keyType: "ssh-ed25519", key: key.blob) == .unknown)
            #expect(hosts.verdict(host: "lost.example", port: nil, keyType: "ssh-ed25519", key: key.blob) == .revoked)
        }
    }

    @Test func fingerprintsAsSSHKeygenPrintsThem() throws {
        try withScratch { scratch in
            let key = try makeKey(in: scratch, "host")
            let digest = try runProgram("/usr/bin/env", ["sh", "-c", "cut -d' ' -f2 '\(scratch.path)/host.pub' | base64 -d | sha256sum"])
            let bytes = stride(from: 0, to: 64, by: 2).map { offset -> UInt8 in
                let start = digest.index(digest.startIndex, offsetBy: offset)
                return UInt8(digest[start..<digest.index(start, offsetBy: 2)], radix: 16)!
            }
            #expect(KnownHosts.fingerprint(sha256: bytes) == key.fingerprint)
        }
    }
}
