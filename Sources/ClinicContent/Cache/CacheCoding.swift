import Foundation

/// The bytes of one cache file as it is being written: a fixed header (magic,
/// format, build key, payload length and checksum) and a payload of
/// variable-length integers and length-prefixed UTF-8 strings.
///
/// JSON decoding of the record cache was most of a warm command's time; this
/// reads the same values at the speed of a copy.
struct CacheWriter {
    private(set) var payload: [UInt8] = []

    /// A non-negative or negative integer, zig-zag encoded, 7 bits a byte.
    mutating func int(_ value: Int) {
        var rest = UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))
        while rest >= 0x80 {
            payload.append(UInt8(rest & 0x7f) | 0x80)
            rest >>= 7
        }
        payload.append(UInt8(rest))
    }

    mutating func bool(_ value: Bool) { payload.append(value ? 1 : 0) }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { bytes in
            int(bytes.count)
            payload.append(contentsOf: bytes)
        }
    }

    mutating func optional(_ value: String?) {
        bool(value != nil)
        if let value { string(value) }
    }

    mutating func strings(_ values: [String]) {
        int(values.count)
        for value in values { string(value) }
    }

    /// The whole file: `magic`, `build` and the payload, guarded by its length and checksum.
    func file(magic: String, build: String) -> Data {
        var header = CacheWriter()
        header.string(magic)
        header.string(build)
        header.int(payload.count)
        header.int(Int(bitPattern: UInt(CacheChecksum.of(payload))))
        return Data(header.payload + payload)
    }
}

/// Reads what `CacheWriter` wrote; every read is bounds-checked and throws
/// `CacheDamage` instead of going past the end, so a cut or garbled file is
/// simply not used.
struct CacheReader {
    let bytes: UnsafeRawBufferPointer
    private(set) var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func int() throws(CacheDamage) -> Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.count, shift < 64 else { throw CacheDamage() }
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7f) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        let decoded = Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1)
        return Int(decoded)
    }

    /// A count of things still to read: never more than bytes are left, so damage cannot ask for a huge allocation.
    mutating func count() throws(CacheDamage) -> Int {
        let value = try int()
        guard value >= 0, value <= bytes.count - offset else { throw CacheDamage() }
        return value
    }

    mutating func bool() throws(CacheDamage) -> Bool {
        guard offset < bytes.count, bytes[offset] <= 1 else { throw CacheDamage() }
        offset += 1
        return bytes[offset - 1] == 1
    }

    mutating func string() throws(CacheDamage) -> String {
        let length = try count()
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + length]), as: UTF8.self)
        offset += length
        return text
    }

    mutating func optional() throws(CacheDamage) -> String? { try bool() ? try string() : nil }

    mutating func strings() throws(CacheDamage) -> [String] {
        let count = try count()
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try string()) }
        return values
    }

    /// Calls `body` on the payload of `data` when it is a whole file of this `magic`
    /// written by `build`; nil when it is anything else (another build, cut short,
    /// garbled: its checksum disagrees) or `body` finds it damaged.
    static func read<T>(_ data: Data, magic: String, build: String, _ body: (inout CacheReader) throws(CacheDamage) -> T) -> T? {
        data.withUnsafeBytes { all -> T? in
            var header = CacheReader(all)
            guard (try? header.string()) == magic, (try? header.string()) == build, let length = try? header.count(),
                let sum = try? header.int(), length == all.count - header.offset
            else { return nil }
            let payload = UnsafeRawBufferPointer(rebasing: all[header.offset...])
            guard UInt64(UInt(bitPattern: sum)) == CacheChecksum.of(payload) else { return nil }
            var reader = CacheReader(payload)
            guard let value = try? body(&reader), reader.isAtEnd else { return nil }
            return value
        }
    }
}

/// A cache file that is not what it claims to be.
struct CacheDamage: Error {}

/// A fast 64-bit checksum of a payload (FNV-1a over 8-byte words): it catches a
/// damaged file, not an attacker, who could as well change the repository itself.
enum CacheChecksum {
    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var offset = 0
        while offset + 8 <= bytes.count {
            hash = (hash ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0x0000_0100_0000_01b3
            offset += 8
        }
        while offset < bytes.count {
            hash = (hash ^ UInt64(bytes[offset])) &* 0x0000_0100_0000_01b3
            offset += 1
        }
        return hash ^ (hash >> 29) ^ UInt64(bytes.count)
    }

    static func of(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBytes { of($0) } }
}
