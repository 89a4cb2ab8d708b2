import Foundation

/// What a finished command left behind: its output, how it ended and how long it took.
package struct CommandResult: Sendable {
    /// The command that ran.
    package let command: Command
    /// The exit status, or the signal number when `signal` is set.
    package let exitStatus: Int32
    /// The signal that ended the process, if a signal ended it.
    package let signal: Int32?
    /// Whether the harness ended the process because its time limit passed.
    package let timedOut: Bool
    /// Everything the process wrote to standard output.
    package let standardOutputData: Data
    /// Everything the process wrote to standard error.
    package let standardErrorData: Data
    /// Wall time from launch until the process exited and both pipes were drained.
    package let duration: Duration

    /// Makes a result from its parts (the runner makes these; tests may too).
    package init(
        command: Command,
        exitStatus: Int32,
        signal: Int32? = nil,
        timedOut: Bool = false,
        standardOutputData: Data = Data(),
        standardErrorData: Data = Data(),
        duration: Duration = .zero
    ) {
        self.command = command
        self.exitStatus = exitStatus
        self.signal = signal
        self.timedOut = timedOut
        self.standardOutputData = standardOutputData
        self.standardErrorData = standardErrorData
        self.duration = duration
    }

    /// Standard output as UTF-8 text (invalid bytes replaced).
    package var standardOutput: String { String(decoding: standardOutputData, as: UTF8.self) }
    /// Standard error as UTF-8 text (invalid bytes replaced).
    package var standardError: String { String(decoding: standardErrorData, as: UTF8.self) }
    /// True when the process exited by itself with status 0.
    package var succeeded: Bool { exitStatus == 0 && signal == nil && !timedOut }

    /// Everything about the run as text, for failure bundles and logs.
    package var transcript: String {
        """
        $ \(command.commandLine)
        \(ending) after \(duration.secondsText)
        --- stdout ---
        \(standardOutput)
        --- stderr ---
        \(standardError)
        """
    }

    /// How the process ended, in words: "exit status 1", "killed by signal 15 after the time limit".
    package var ending: String {
        ProcessExit.ending(status: exitStatus, signalled: signal != nil) + (timedOut ? " after the time limit" : "")
    }
}
