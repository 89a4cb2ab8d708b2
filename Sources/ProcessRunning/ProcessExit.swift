/// How a child process ended, and when the runner saw it end.
package struct ProcessExit: Sendable, Hashable, CustomStringConvertible {
    /// The exit status, or the signal number when `signalled`.
    package var status: Int32
    /// Whether an uncaught signal ended it.
    package var signalled: Bool
    /// When it was reaped.
    package var at: ContinuousClock.Instant

    /// Makes an exit from its parts.
    package init(status: Int32, signalled: Bool, at: ContinuousClock.Instant) {
        self.status = status
        self.signalled = signalled
        self.at = at
    }

    /// Decodes a `waitpid` status word: the low 7 bits are the signal (0 for a normal exit), the next 8 the exit status.
    init(waitStatus: Int32, at: ContinuousClock.Instant) {
        let signal = waitStatus & 0x7F
        self.init(status: signal == 0 ? (waitStatus >> 8) & 0xFF : signal, signalled: signal != 0, at: at)
    }

    /// "exit status 1" or "killed by signal 15".
    package var description: String { Self.ending(status: status, signalled: signalled) }

    /// The words for an ending, shared with `CommandResult.ending`.
    static func ending(status: Int32, signalled: Bool) -> String {
        signalled ? "killed by signal \(status)" : "exit status \(status)"
    }
}
