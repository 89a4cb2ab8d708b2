/// The log file (LOG_FILE) could not be prepared or written; the description names the path and the OS reason.
public struct LogFileError: Error, CustomStringConvertible, Equatable {
    /// The step that failed; a directory creation also names the directory that could not be made.
    public enum Operation: Equatable, Sendable {
        /// Creating a missing parent directory failed.
        case createDirectory(String)
        /// open(2) of the log file itself failed.
        case open
        /// write(2) of a line failed (the partial line, if any, was removed).
        case write
        /// Renaming the current file or a backup failed; the line was still written to the current file.
        case rotate
    }

    /// What was being done when the OS refused.
    public let operation: Operation
    /// The configured log file path (the value of LOG_FILE or its default).
    public let path: String
    /// The errno reported by the failing call.
    public let errorNumber: Int32

    /// A one-line explanation suitable for a startup configuration error.
    public var description: String {
        let reason = "\(POSIXIO.describe(errorNumber: errorNumber)) (errno \(errorNumber))"
        switch operation {
        case .createDirectory(let directory):
            return "cannot create directory '\(directory)' for log file '\(path)' (LOG_FILE): \(reason)"
        case .open:
            return "cannot open log file '\(path)' (LOG_FILE) for appending: \(reason)"
        case .write:
            return "cannot write to log file '\(path)' (LOG_FILE): \(reason)"
        case .rotate:
            return "cannot rotate log file '\(path)' (LOG_FILE): \(reason)"
        }
    }
}
