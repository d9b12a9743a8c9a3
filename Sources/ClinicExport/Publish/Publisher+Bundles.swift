import Foundation

extension Publisher {
    /// Removes all but the newest `bundlesKept` bundles, never `current`, and
    /// what a publish killed while writing a bundle left behind.
    static func pruneBundles(besides current: URL) {
        let fm = FileManager.default
        let folder = current.deletingLastPathComponent()
        BundleWriter.removeLeftovers(in: folder)
        guard let names = try? fm.contentsOfDirectory(atPath: folder.path) else { return }
        let dated = names.filter { !$0.hasPrefix(".") && $0 != current.lastPathComponent }.map { name -> (String, Date) in
            let date =
                (try? fm.attributesOfItem(atPath: folder.appendingPathComponent(name).path)[.modificationDate] as? Date) ?? .distantPast
            return (name, date)
        }.sorted { $0.1 > $1.1 }
        for (name, _) in dated.dropFirst(bundlesKept - 1) {
            try? fm.removeItem(at: folder.appendingPathComponent(name))
        }
    }
}

extension Publisher {
    /// The system's words for why a file operation failed ("No space left on
    /// device", "File too large"), which Foundation hides behind a generic message.
    static func cause(of error: any Error) -> String {
        if let error = error as? BundleWriteError { return error.reason }
        var current = error as NSError
        while let underlying = current.userInfo[NSUnderlyingErrorKey] as? NSError { current = underlying }
        if current.domain == NSPOSIXErrorDomain, let text = strerror(Int32(current.code)) { return String(cString: text) }
        // Foundation's "could not be completed (error 512)" keeps no cause: say the likely one.
        return "\(error.localizedDescription) Is the disk full, or a file-size limit reached?"
    }
}
