import Foundation

/// Where the running executable is, found without Foundation's `Bundle.main`: that
/// stops the process with an illegal instruction when it cannot look into the
/// executable's folder (a user allowed to run the program but not to list where it
/// lies, as `nobody` reading a read-only copy in the tests).
public enum RunningProgram {
    /// The executable's absolute path, or nil when neither the kernel nor the command
    /// line says it.
    public static let path: String? = {
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return target }
        guard let first = CommandLine.arguments.first, first.contains("/") else { return nil }
        return URL(fileURLWithPath: first).standardizedFileURL.path
    }()
}
