import Foundation

/// Writes a preview's files into a folder.
public enum PreviewFolder {
    /// Replaces `folder` with `files`. A folder that exists must be empty or
    /// hold an earlier preview (it has `preview.css`), so a mistyped `--out`
    /// never deletes someone's files.
    public static func write(_ files: [PreviewFile], to folder: URL) throws {
        let manager = FileManager.default
        do {
            if manager.fileExists(atPath: folder.path) {
                let existing = try manager.contentsOfDirectory(atPath: folder.path)
                guard existing.isEmpty || existing.contains(PageHead.stylesheetName) else {
                    throw PreviewError.cannotWrite(
                        path: folder.path, reason: "the folder is not empty and holds no earlier preview; choose another --out")
                }
                try manager.removeItem(at: folder)
            }
            for file in files {
                let url = folder.appendingPathComponent(file.path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try file.data.write(to: url, options: .atomic)
            }
        } catch let error as PreviewError {
            throw error
        } catch {
            throw PreviewError.cannotWrite(path: folder.path, reason: error.localizedDescription)
        }
    }
}
