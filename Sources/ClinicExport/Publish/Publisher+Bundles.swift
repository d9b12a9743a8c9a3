import Foundation

extension Publisher {
    /// Removes all but the newest `bundlesKept` bundles, never `current`.
    static func pruneBundles(besides current: URL) {
        let fm = FileManager.default
        let folder = current.deletingLastPathComponent()
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
