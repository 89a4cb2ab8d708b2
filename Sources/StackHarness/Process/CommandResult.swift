import Foundation

/// What a finished command left behind: its output, how it ended and how long it took.
public struct CommandResult: Sendable {
    /// The command that ran.
    public let command: Command
    /// The exit status, or the signal number when `signal` is set.
    public let exitStatus: Int32
    /// The signal that ended the process, if a signal ended it.
    public let signal: Int32?
    /// Whether the harness ended the process because its time limit passed.
    public let timedOut: Bool
    /// Everything the process wrote to standard output.
    public let standardOutputData: Data
    /// Everything the process wrote to standard error.
    public let standardErrorData: Data
    /// Wall time from launch until the process exited and both pipes were drained.
    public let duration: Duration

    /// Makes a result from its parts (the runner makes these; tests may too).
    public init(
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
    public var standardOutput: String { String(decoding: standardOutputData, as: UTF8.self) }
    /// Standard error as UTF-8 text (invalid bytes replaced).
    public var standardError: String { String(decoding: standardErrorData, as: UTF8.self) }
    /// True when the process exited by itself with status 0.
    public var succeeded: Bool { exitStatus == 0 && signal == nil && !timedOut }

    /// Everything about the run as text, for failure bundles and logs.
    public var transcript: String {
        """
        $ \(command.commandLine)
        \(ending) after \(duration.inSeconds.formatted(fractionDigits: 3)) s
        --- stdout ---
        \(standardOutput)
        --- stderr ---
        \(standardError)
        """
    }

    /// How the process ended, in words: "exit status 1", "killed by signal 15 after the time limit".
    public var ending: String {
        switch (signal, timedOut) {
        case (let signal?, true): "killed by signal \(signal) after the time limit"
        case (let signal?, false): "killed by signal \(signal)"
        case (nil, true): "exit status \(exitStatus) after the time limit"
        case (nil, false): "exit status \(exitStatus)"
        }
    }
}
