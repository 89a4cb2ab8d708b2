/// What REL.diskfull measured: an Oracle whose log folder is a small tmpfs, driven until it is full and past it.
package struct DiskFullRun: Sendable {
    /// The calls made.
    package let calls: OracleLoadReadings
    /// /health's status afterwards.
    package let healthStatus: Int?
    /// Restarts of the container meanwhile.
    package let restarts: Int
    /// Whether the tmpfs was full at the end.
    package let fileFull: Bool
    /// "log file write failed" lines on stderr.
    package let failureReports: Int
    /// stdout lines of the calls (one debug line per RPC).
    package let stdoutCallLines: Int
    /// Lines in the log file.
    package let fileLines: Int
    /// Whether the file ends with a newline.
    package let fileEndsWithNewline: Bool
    /// File lines that are not JSON objects.
    package let unreadableFileLines: Int

    /// A record from its parts.
    package init(
        calls: OracleLoadReadings,
        healthStatus: Int?,
        restarts: Int,
        fileFull: Bool,
        failureReports: Int,
        stdoutCallLines: Int,
        fileLines: Int,
        fileEndsWithNewline: Bool,
        unreadableFileLines: Int
    ) {
        self.calls = calls
        self.healthStatus = healthStatus
        self.restarts = restarts
        self.fileFull = fileFull
        self.failureReports = failureReports
        self.stdoutCallLines = stdoutCallLines
        self.fileLines = fileLines
        self.fileEndsWithNewline = fileEndsWithNewline
        self.unreadableFileLines = unreadableFileLines
    }
}
