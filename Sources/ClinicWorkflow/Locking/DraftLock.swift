internal import ClinicGit
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A lock that serialises the writers of one draft (or of the published
/// branch) across processes, so that contention never makes a write fail.
///
/// The lock is a file under the repository's Git folder, held with `flock`:
/// the kernel lets go of it when its process dies, so a crashed writer can
/// never leave the lock held. The file records the holder's process id and
/// start time; a file found still there from a process that is gone is
/// reported (through `notice`) and taken over. The holder removes the file
/// when it is done, and a waiter that locked a file removed meanwhile opens
/// the new one, so no two writers ever hold the same name at once.
struct DraftLock {
    /// How long a writer waits for another before giving up with a clear message.
    static let defaultWait: TimeInterval = 30

    let path: String
    let descriptor: Int32

    /// Waits until `name` is free (at most `wait` seconds) and takes it.
    static func acquire(
        _ name: String, in gitDirectory: URL, sharing: SharedRepository = .umask, wait: TimeInterval, describe: String,
        notice: (String) -> Void
    ) throws -> DraftLock {
        let folder = gitDirectory.appendingPathComponent("clinicctl-locks")
        if !FileManager.default.fileExists(atPath: folder.path) {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            sharing.adjust(folder)
        }
        let path = folder.appendingPathComponent(fileName(for: name)).path
        let deadline = Date().addingTimeInterval(wait)
        var pause: TimeInterval = 0.005
        while true {
            // 0666 less the umask, which a shared repository's sets (SharedAccess): another account opens it too.
            let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o666)
            guard descriptor >= 0 else {
                let denied = errno == EACCES
                var message = "cannot open the lock \(path): \(String(cString: strerror(errno)))"
                if denied { message += ". " + ContentRepository.sharingAdvice(forUnwritable: path) }
                throw WorkflowError(.repository, message, file: path)
            }
            if flock(descriptor, LOCK_EX | LOCK_NB) == 0 {
                if isSameFile(descriptor, path) {
                    let lock = DraftLock(path: path, descriptor: descriptor)
                    if let left = lock.previousHolder() {
                        notice("recovered the lock on \(describe) left by process \(left), which is no longer running")
                    }
                    lock.record()
                    removeAbandoned(in: folder, besides: path, notice: notice)
                    return lock
                }
                // The holder removed this file after we opened it: try the new one.
                close(descriptor)
                continue
            }
            close(descriptor)
            guard Date() < deadline else {
                throw WorkflowError(
                    .conflict,
                    "\(describe) is being changed by someone else and was still busy after \(Int(wait)) seconds; nothing was written, try again"
                )
            }
            // Back off with jitter so waiters do not wake in step.
            Thread.sleep(forTimeInterval: pause * Double.random(in: 0.5...1.5))
            pause = min(pause * 2, 0.05)
        }
    }

    /// Lets go of the lock and removes its file (while still holding it).
    func release() {
        unlink(path)
        close(descriptor)
    }

    /// Runs `body` holding `name`.
    static func holding<T>(
        _ name: String, in gitDirectory: URL, sharing: SharedRepository = .umask, wait: TimeInterval, describe: String,
        notice: (String) -> Void, _ body: () throws -> T
    ) throws -> T {
        let lock = try acquire(name, in: gitDirectory, sharing: sharing, wait: wait, describe: describe, notice: notice)
        defer { lock.release() }
        return try body()
    }

    /// Lock names become file names: anything but letters, digits and `-` is escaped.
    static func fileName(for name: String) -> String {
        var result = ""
        for byte in name.utf8 {
            let scalar = Unicode.Scalar(byte)
            if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") || scalar == "-" {
                result.unicodeScalars.append(scalar)
            } else {
                result += String(format: "_%02x", byte)
            }
        }
        return String(result.prefix(200)) + ".lock"
    }

    static func isSameFile(_ descriptor: Int32, _ path: String) -> Bool {
        var open = stat()
        var named = stat()
        guard fstat(descriptor, &open) == 0, stat(path, &named) == 0 else { return false }
        return open.st_ino == named.st_ino && open.st_dev == named.st_dev
    }

    /// The process recorded in a file left behind: "pid (started at tick N)".
    func previousHolder() -> String? {
        var buffer = [UInt8](repeating: 0, count: 128)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    /// Writes who holds the lock: the process id and its start time, which tell
    /// a reused process id from the original holder.
    private func record() {
        let pid = getpid()
        let text = "\(pid) started at \(Self.startTime(of: pid) ?? "unknown")\n"
        ftruncate(descriptor, 0)
        _ = text.withCString { pwrite(descriptor, $0, strlen($0), 0) }
    }

    /// A process's start time in clock ticks since boot (field 22 of /proc/PID/stat).
    static func startTime(of pid: Int32) -> String? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        return fields.count > 19 ? String(fields[19]) : nil
    }
}

extension ContentRepository {
    /// Runs `body` as the only writer of draft `id` in any process.
    func holdingDraft<T>(_ id: String, _ body: () throws -> T) throws -> T {
        try DraftLock.holding(
            "draft-\(id)", in: gitDirectory, sharing: sharing, wait: lockWait, describe: "draft \(id)", notice: environment.notice
        ) {
            clearStaleReferenceLock(draftRef(id))
            clearAbandonedReferenceLocks()
            return try body()
        }
    }

    /// Runs `body` as the only writer of the published branch in any process.
    func holdingPublished<T>(_ body: () throws -> T) throws -> T {
        try DraftLock.holding(
            "published", in: gitDirectory, sharing: sharing, wait: lockWait, describe: "the published branch \(config.publishedBranch)",
            notice: environment.notice
        ) {
            clearStaleReferenceLock(publishedRef)
            // An approval brings a checked-out published branch along, which takes Git's index lock.
            if !isBare { clearStaleReferenceLock("index") }
            clearAbandonedReferenceLocks()
            return try body()
        }
    }

    /// Runs `body` as the only process publishing (and recording what is deployed).
    public func holdingDeployRecord<T>(_ body: () throws -> T) throws -> T {
        try DraftLock.holding(
            "deploy", in: gitDirectory, sharing: sharing, wait: lockWait, describe: "the deployed record", notice: environment.notice
        ) {
            clearStaleReferenceLock(Self.deployedRef)
            clearAbandonedReferenceLocks()
            return try body()
        }
    }

    /// How long to wait for another writer: `CLINICCTL_LOCK_WAIT` seconds, else 30.
    var lockWait: TimeInterval {
        environment.variables["CLINICCTL_LOCK_WAIT"].flatMap(TimeInterval.init) ?? DraftLock.defaultWait
    }
}
