import Foundation

/// libFuzzer entry: the content loader and validator over any set of files.
///
/// The input is a set of files, each introduced by a line `=== <path>`
/// (text before the first such line goes to `content/clinic.yaml`). Loading
/// and validating may refuse anything; they must never crash or hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func contentFuzzInput(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let files = FuzzFiles.split(Data(UnsafeBufferPointer(start: start, count: count)))
    if let loaded = try? ContentLoader().load(from: InMemorySource(files: files)) {
        _ = Validator().validate(loaded)
    }
    _ = try? Validator().validate(InMemorySource(files: files))
    return 0
}

/// Splits a fuzz input into files.
enum FuzzFiles {
    static func split(_ data: Data) -> [String: Data] {
        var files: [String: Data] = [:]
        var path = "content/clinic.yaml"
        var body = Data()
        let header = Array("=== ".utf8)
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            if line.starts(with: header) {
                files[path, default: Data()].append(body)
                path = String(decoding: line.dropFirst(header.count), as: UTF8.self)
                body = Data()
            } else {
                body.append(contentsOf: line)
                body.append(UInt8(ascii: "\n"))
            }
        }
        files[path, default: Data()].append(body)
        return files
    }
}
