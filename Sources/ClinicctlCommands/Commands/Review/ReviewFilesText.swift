import ClinicWorkflow
import Foundation

/// The review's sections for paths outside the content model, in words.
enum ReviewFilesText {
    /// Code that will run and other files, printed before anything else; settings after them.
    static func sections(_ review: DraftReview) -> [String] {
        var out: [String] = []
        let headings: [(ChangedFile.Section, String)] = [
            (.code, "CODE THAT WILL RUN (hooks/: runs when publishing and on the server); approve only with --accept hooks"),
            (.otherFiles, "OTHER FILES outside the content; approve only with --accept files"),
            (.settings, "SETTINGS (\("clinicctl.yaml")); approve only with --accept settings"),
        ]
        for (section, heading) in headings {
            let files = review.files(in: section)
            guard !files.isEmpty else { continue }
            out.append("!!! \(heading):")
            for file in files {
                out.append("  \(file.change.rawValue.uppercased()) \(file.path)  \(facts(file))")
                out += file.details.map { "    " + $0 }
                if let diff = file.diff {
                    out += diff.map { "    | " + $0 }
                } else if section != .otherFiles {
                    out.append("    (not text; not shown)")
                }
            }
            out.append("")
        }
        return out
    }

    /// Mode, size and link target of each side: `mode 100644 → 100755, 120 bytes`.
    static func facts(_ file: ChangedFile) -> String {
        func side(_ mode: String?, _ size: Int?, _ target: String?) -> String {
            guard let mode else { return "absent" }
            let kind =
                switch mode {
                case "100755": "executable"
                case "120000": "symbolic link"
                case "160000": "submodule"
                default: "file"
                }
            if let target { return "\(kind) → \(target)" }
            return mode == "160000" ? kind : "\(kind), \(size ?? 0) bytes"
        }
        let new = side(file.newMode, file.newSize, file.newTarget)
        guard file.change == .changed else { return "(\(file.change == .added ? new : side(file.oldMode, file.oldSize, file.oldTarget)))" }
        return "(\(side(file.oldMode, file.oldSize, file.oldTarget)) → \(new))"
    }
}
