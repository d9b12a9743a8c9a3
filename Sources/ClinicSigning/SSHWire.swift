import Foundation

/// Reads the SSH wire encoding (RFC 4251): big-endian uint32s and length-prefixed strings.
struct SSHWireReader {
    private let bytes: [UInt8]
    private var position = 0

    init(_ data: some DataProtocol) { bytes = Array(data) }

    var isAtEnd: Bool { position == bytes.count }

    mutating func uint32() throws -> UInt32 {
        guard bytes.count - position >= 4 else { throw SSHFormatError("the data ends inside a number") }
        let value = bytes[position..<position + 4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        position += 4
        return value
    }

    mutating func fixed(_ count: Int) throws -> Data {
        guard count >= 0, bytes.count - position >= count else { throw SSHFormatError("the data ends early") }
        defer { position += count }
        return Data(bytes[position..<position + count])
    }

    mutating func string() throws -> Data { try fixed(Int(try uint32())) }

    mutating func text() throws -> String {
        guard let text = String(data: try string(), encoding: .utf8) else { throw SSHFormatError("a name is not UTF-8 text") }
        return text
    }
}

/// Writes the SSH wire encoding.
struct SSHWireWriter {
    private(set) var data = Data()

    mutating func raw(_ bytes: some DataProtocol) { data.append(contentsOf: bytes) }

    mutating func uint32(_ value: UInt32) {
        data.append(contentsOf: [UInt8(value >> 24), UInt8(value >> 16 & 0xff), UInt8(value >> 8 & 0xff), UInt8(value & 0xff)])
    }

    mutating func string(_ bytes: some DataProtocol) {
        uint32(UInt32(bytes.count))
        raw(bytes)
    }

    mutating func string(_ text: String) { string(Data(text.utf8)) }
}

/// Data that is not a well-formed SSH key or signature.
public struct SSHFormatError: Error, CustomStringConvertible, Sendable {
    public let description: String
    init(_ description: String) { self.description = description }
}
