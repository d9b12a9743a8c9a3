import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One bundle file written to disk chunk by chunk while its document is made.
enum StreamedFile {
    /// Creates `url`, writes what `produce` emits, flushes it to disk and
    /// returns its size and digest; the first failed write is the error.
    static func create(_ url: URL, name: String, _ produce: (inout JSONOutput) -> Void) throws -> ExportedFile {
        let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o666)
        guard fd >= 0 else { throw BundleWriteError(path: url.path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var failure: Int32?
        var out = JSONOutput { chunk in
            guard failure == nil else { return }
            chunk.withUnsafeBytes { bytes in
                var offset = 0
                while offset < bytes.count {
                    let written = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        failure = errno
                        return
                    }
                    offset += written
                }
            }
        }
        produce(&out)
        let (size, sha256) = out.finish()
        if let failure { throw BundleWriteError(path: url.path, reason: String(cString: strerror(failure))) }
        // As for the other files of the bundle, a file system that cannot flush (fsync) is not an error.
        _ = fsync(fd)
        return ExportedFile(name: name, size: size, sha256: sha256)
    }
}
