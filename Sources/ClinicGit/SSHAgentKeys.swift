import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The keys an ssh-agent holds, asked of it directly (SSH2_AGENTC_REQUEST_IDENTITIES): libssh2
/// offers them inside libgit2 without saying which, and a refusal message needs to know
/// whether one is an RSA key.
enum SSHAgentKeys {
    /// Each key's type and comment; empty when the agent cannot be asked or does not answer within a second.
    static func identities(socket path: String) -> [(type: String, comment: String)] {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return [] }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 1, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { return [] }
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in bytes.enumerated() { buffer[index] = byte }
        }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) == 0 }
        }
        let request: [UInt8] = [0, 0, 0, 1, 11]
        guard connected, write(fd, request, request.count) == request.count, let length = read(fd, 4).map(bigEndian),
            length < 1 << 20, let answer = read(fd, length), answer.first == 12
        else { return [] }
        return parse(Array(answer.dropFirst()))
    }

    /// The identities answer after its type byte: a count, then per key its blob and comment.
    static func parse(_ body: [UInt8]) -> [(type: String, comment: String)] {
        var at = 0
        func string() -> [UInt8]? {
            guard body.count >= at + 4 else { return nil }
            let length = bigEndian(Array(body[at..<(at + 4)]))
            guard length <= body.count - at - 4 else { return nil }
            defer { at += 4 + length }
            return Array(body[(at + 4)..<(at + 4 + length)])
        }
        guard body.count >= 4 else { return [] }
        let count = bigEndian(Array(body[0..<4]))
        at = 4
        var keys: [(type: String, comment: String)] = []
        for _ in 0..<min(count, 1000) {
            guard let blob = string(), let comment = string() else { break }
            keys.append((NetworkSession.keyType(of: blob), String(decoding: comment, as: UTF8.self)))
        }
        return keys
    }

    private static func bigEndian(_ bytes: [UInt8]) -> Int { bytes.reduce(0) { $0 << 8 | Int($1) } }

    private static func read(_ fd: Int32, _ count: Int) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let got = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + done, count - done) }
            guard got > 0 else { return nil }
            done += got
        }
        return buffer
    }
}
