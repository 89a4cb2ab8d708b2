import LogTimeFormat
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The destinations of a service's JSON log lines: standard output (for `docker logs`) and, for the Oracle, a
/// rotating file.
///
/// Safe to call from any thread. Each destination has its own lock so a slow file never holds up stdout and
/// vice versa; under its lock every line goes out with a single write(2) (looping only on short writes), so lines
/// from concurrent threads never interleave. Nothing is buffered in user space: both outputs are current after
/// every line.
public final class LogSink: Sendable {
    /// The size at which the file rotates: 10 MiB.
    public static let defaultMaxFileBytes = 10 * 1024 * 1024
    /// How many rotated files are kept (`oracle.log.1` … `oracle.log.5`).
    public static let defaultBackupCount = 5

    /// The stdout descriptor, behind its own lock so concurrent lines go out whole and in one piece each.
    private let standardOutput: Mutex<Int32>?
    /// The single writer of the log file; `nil` for a sink that writes standard output only.
    private let file: Mutex<RotatingLogFile>?
    /// Set after a file error was reported on stderr, so a full disk does not add a report to every line.
    private let fileFailureReported = Atomic<Bool>(false)

    /// Opens the log file for appending (creating its directory); throws a ``LogFileError`` naming the path.
    ///
    /// `standardOutput` is the descriptor lines are echoed to (not owned, never closed); pass `nil` to log to the
    /// file only.
    public init(
        filePath: String,
        maxFileBytes: Int = LogSink.defaultMaxFileBytes,
        backupCount: Int = LogSink.defaultBackupCount,
        standardOutput: Int32? = STDOUT_FILENO
    ) throws(LogFileError) {
        file = Mutex(try RotatingLogFile(path: filePath, maxBytes: maxFileBytes, backupCount: backupCount))
        self.standardOutput = standardOutput.map { Mutex($0) }
    }

    /// A sink that writes standard output only (the stand-ins'); `standardOutput` is not owned, never closed.
    public init(standardOutput: Int32 = STDOUT_FILENO) {
        file = nil
        self.standardOutput = Mutex(standardOutput)
    }

    /// Writes `line` to standard output and to the file, if any; a file failure is reported once on stderr, not thrown.
    public func write(_ line: EncodedLogLine) {
        // A log call has no way to surface an error to its caller, and a failed stdout has nowhere else to go.
        _ = standardOutput?.withLock { descriptor in POSIXIO.writeAll(line.bytes, to: descriptor) }
        do throws(LogFileError) {
            try file?.withLock { logFile throws(LogFileError) in try logFile.append(line.bytes) }
            if fileFailureReported.load(ordering: .relaxed) {
                fileFailureReported.store(false, ordering: .relaxed)
            }
        } catch {
            if !fileFailureReported.exchange(true, ordering: .relaxed) {
                let report = EncodedLogLine(
                    time: POSIXIO.now(),
                    level: "error",
                    message: "log file write failed; lines go to stdout only until it recovers",
                    label: "LogSink",
                    source: "ServiceRuntime",
                    error: error.description
                )
                _ = POSIXIO.writeAll(report.bytes, to: STDERR_FILENO)
            }
        }
    }
}
