import Foundation

/// Keys made by ssh-keygen for a test, in a scratch folder the test removes.
public struct SSHKeys {
    public static let types: [(name: String, arguments: [String])] = [
        ("ed25519", ["-t", "ed25519"]), ("ecdsa", ["-t", "ecdsa", "-b", "256"]), ("rsa", ["-t", "rsa", "-b", "3072"]),
    ]

    public let folder: URL

    public init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("signing-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    public func remove() { try? FileManager.default.removeItem(at: folder) }

    /// Makes a key of `type` ("ed25519", "ecdsa", "rsa") named `name`; returns the private key's path.
    public func make(_ type: String, name: String, passphrase: String = "") throws -> String {
        let path = folder.appendingPathComponent(name).path
        let arguments = SSHKeys.types.first { $0.name == type }!.arguments
        _ = try Self.run("/usr/bin/ssh-keygen", arguments + ["-q", "-N", passphrase, "-C", "\(name)@test", "-f", path])
        return path
    }

    public func publicKey(_ path: String) throws -> String { try String(contentsOfFile: path + ".pub", encoding: .utf8) }

    /// Signs `data` with ssh-keygen in `namespace`; the armoured signature.
    public func sign(_ data: Data, key: String, namespace: String = "git") throws -> String {
        let file = folder.appendingPathComponent("message-\(UUID().uuidString)")
        try data.write(to: file)
        _ = try Self.run("/usr/bin/ssh-keygen", ["-Y", "sign", "-n", namespace, "-f", key, file.path])
        return try String(contentsOf: file.appendingPathExtension("sig"), encoding: .utf8)
    }

    @discardableResult
    public static func run(_ program: String, _ arguments: [String], environment: [String: String]? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw NSError(
                domain: "test", code: Int(process.terminationStatus),
                userInfo: [NSLocalizedDescriptionKey: "\(program) \(arguments): \(text)"])
        }
        return text
    }
}
