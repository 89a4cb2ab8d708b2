import Foundation

/// A child process that runs while its caller watches: stdout and stderr split into lines as they arrive, waits for a
/// line or for the exit within a limit, signals, and a transcript for failure messages.
///
/// Launched and drained by the same code as `CommandRunner.capture`. The child gets SIGKILL when the value is released
/// while it still runs, so a failing test never leaves a process behind.
package final class RunningProcess: Sendable {
    // The child as the shared core launched it.
    private let launched: LaunchedProcess
    // Where the core's readers put the lines.
    private let output: OutputLines

    /// Launches `command`, blocking the calling thread only until the child has started; throws `ProcessFailure`.
    package init(_ command: Command) throws {
        let output = OutputLines()
        self.output = output
        launched = try LaunchedProcess.launchBlocking(command, into: output)
    }

    // A caller that gives up half-way (a failed test) must not leave the child running.
    deinit { kill() }

    /// The command it runs.
    package var command: Command { launched.command }
    /// The child's process id.
    package var pid: Int32 { launched.pid }
    /// The complete stdout lines so far.
    package var stdoutLines: [String] { output.lines(of: .stdout) }
    /// The complete stderr lines so far.
    package var stderrLines: [String] { output.lines(of: .stderr) }
    /// How it ended, once it has.
    package var exit: ProcessExit? { launched.exit }
    /// Whether it still runs.
    package var isRunning: Bool { exit == nil }

    /// The command, how it ended and everything it wrote so far, for failure messages.
    package var transcript: String {
        let (stdout, stderr) = (stdoutLines, stderrLines)
        return """
            $ \(command.commandLine)   [pid \(pid), \(exit.map(\.description) ?? "running")]
            --- stdout (\(stdout.count) lines) ---
            \(stdout.joined(separator: "\n"))
            --- stderr (\(stderr.count) lines) ---
            \(stderr.joined(separator: "\n"))
            """
    }

    /// Sends `signal` if it still runs and returns when it was sent, the start of a shutdown to time.
    @discardableResult
    package func send(_ signal: Int32) -> ContinuousClock.Instant {
        let now = ContinuousClock.now
        launched.send(signal)
        return now
    }

    /// Sends `signal` and waits until it has ended; `elapsed` runs from the signal to the exit.
    package func stop(with signal: Int32 = SIGTERM, within limit: Duration = .seconds(10)) async throws -> (exit: ProcessExit, elapsed: Duration) {
        let sent = send(signal)
        let exit = try await waitForExit(within: limit)
        return (exit, exit.at - sent)
    }

    /// Sends SIGKILL if it still runs.
    package func kill() {
        launched.send(SIGKILL)
    }

    /// Waits until `stream` has a line satisfying `predicate` and returns the first one; throws `ProcessFailure`
    /// when the stream ends without one or `limit` passes.
    @discardableResult
    package func waitForLine(
        on stream: StandardStream = .stdout,
        within limit: Duration = .seconds(10),
        where predicate: (String) -> Bool
    ) async throws -> String {
        var checked = 0
        var found: String?
        let settled = await launched.wait(until: .now + limit) { () -> Bool? in
            // The end is read before the lines, so lines written before the end are in this same check.
            let ended = !launched.isOpen(stream)
            let lines = output.lines(of: stream)
            found = lines[checked...].first(where: predicate)
            checked = lines.count
            return found != nil || ended ? true : nil
        }
        if let found { return found }
        try Task.checkCancellation()
        let problem = settled == nil ? "no such line within \(limit)" : "\(stream) ended without the line"
        throw ProcessFailure.wait(problem: problem, transcript: transcript)
    }

    /// Waits until it has ended and both streams are read to their end; throws `ProcessFailure` when it still runs
    /// after `limit`.
    package func waitForExit(within limit: Duration = .seconds(10)) async throws -> ProcessExit {
        guard let exit = await launched.wait(until: .now + limit, for: { launched.exit }) else {
            try Task.checkCancellation()
            throw ProcessFailure.wait(problem: "still running after \(limit)", transcript: transcript)
        }
        // The pipes end with the exit, or `drainGrace` after it while a daemon the child started still holds them.
        _ = await launched.wait(until: nil) { launched.isDrained ? true : nil }
        return exit
    }
}
