import Crypto
import Foundation

/// The bytes of one file as they are written: gathered in a small buffer and
/// handed to `drain` in chunks, counted and hashed on the way, so that a
/// document of tens of megabytes never sits in memory whole.
public struct JSONOutput {
    /// Chunks are handed on once the buffer holds this many bytes.
    static let chunkSize = 1 << 16

    private var buffer: [UInt8] = []
    private var hasher = SHA256()
    private let drain: ([UInt8]) -> Void
    /// The bytes written so far.
    public private(set) var count = 0

    /// An output that hands each chunk of bytes, in order, to `drain`.
    public init(drain: @escaping ([UInt8]) -> Void) {
        self.drain = drain
        buffer.reserveCapacity(Self.chunkSize + 1024)
    }

    mutating func append(_ byte: UInt8) {
        buffer.append(byte)
        if buffer.count >= Self.chunkSize { flush() }
    }

    mutating func append(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.chunkSize { flush() }
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.chunkSize { flush() }
    }

    mutating func append(_ data: Data) {
        buffer.append(contentsOf: data)
        if buffer.count >= Self.chunkSize { flush() }
    }

    /// `count` spaces (indentation).
    mutating func appendSpaces(_ count: Int) {
        buffer.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
    }

    private mutating func flush() {
        guard !buffer.isEmpty else { return }
        count += buffer.count
        hasher.update(data: buffer)
        drain(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Hands on what is left and returns the size and the SHA-256 (lowercase hex) of all bytes written.
    public mutating func finish() -> (size: Int, sha256: String) {
        flush()
        let digest = hasher.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }
        return (count, digest.joined())
    }
}
