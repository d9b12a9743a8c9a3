import ClinicWorkflow
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// `clinicctl-webhook`, the program that sends a signed webhook. It lives apart
/// from clinicctl because it needs FoundationNetworking, which loads libcurl,
/// GnuTLS, Kerberos and some fifty other libraries: linked into clinicctl, every
/// command paid for them at start-up. It is installed next to clinicctl.
public enum WebhookProgram {
    public static let name = "clinicctl-webhook"

    /// The program in `directory` (the running executable's folder by default), when it is there.
    public static func path(in directory: URL? = Publisher.runningToolDirectory) -> String? {
        guard let path = directory?.appendingPathComponent(name).path else { return nil }
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    /// Replaces this process with the webhook program run with `arguments`, so its
    /// output, exit status and signals are the command's own. Returns only by
    /// throwing: when the program is not installed or cannot be started.
    public static func replaceProcess(arguments: [String], directory: URL? = Publisher.runningToolDirectory) throws -> Never {
        guard let path = path(in: directory) else {
            throw WorkflowError(
                .notFound,
                "\(name) is not installed next to clinicctl (in \(directory?.path ?? "an unknown folder")); it sends webhooks and Google listings: install both with `make install`"
            )
        }
        fflush(nil)  // whatever this process printed goes out before the program replaces it
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        execv(path, argv)
        let reason = String(cString: strerror(errno))
        argv.forEach { free($0) }
        throw WorkflowError(.repository, "cannot run \(path): \(reason)")
    }
}
