import Foundation

/// Runs commands to their end (no shell), draining both pipes while the process runs, with an optional time limit.
package struct CommandRunner: Sendable {
    /// How long a process gets after SIGTERM (sent when its time limit passes) before SIGKILL.
    package var terminationGrace: Duration

    /// Makes a runner; `terminationGrace` is the SIGTERM-to-SIGKILL wait after a time limit.
    package init(terminationGrace: Duration = .seconds(2)) {
        self.terminationGrace = terminationGrace
    }

    /// Runs the command and returns its result whatever its exit status; throws only when it cannot be launched.
    package func capture(_ command: Command, timeout: Duration? = nil) async throws -> CommandResult {
        let output = OutputBytes()
        let child = try await LaunchedProcess.launch(command, into: output)
        // Cancelling the caller sends SIGTERM; the wait for the exit goes on, so the result still comes back.
        let (timedOut, exit) = await withTaskCancellationHandler {
            let timedOut = await enforce(timeout, on: child)
            return (timedOut, await child.finished())
        } onCancel: {
            child.send(SIGTERM)
        }
        return Self.result(of: child, exit: exit, timedOut: timedOut, output: output)
    }

    /// Runs the command and throws `CommandFailure` unless it exits with status 0 within its time limit.
    @discardableResult
    package func run(_ command: Command, timeout: Duration? = nil) async throws -> CommandResult {
        let result = try await capture(command, timeout: timeout)
        guard result.succeeded else { throw CommandFailure(result: result) }
        return result
    }

    // When the time limit passes before the exit, sends SIGTERM, then SIGKILL after the grace; returns whether it did.
    private func enforce(_ timeout: Duration?, on child: LaunchedProcess) async -> Bool {
        guard let timeout else { return false }
        let exited = await child.wait(until: child.launchedAt + timeout) { child.exit } != nil
        // A cancelled caller ends the wait early; the cancellation handler has already sent SIGTERM.
        guard !exited, !Task.isCancelled, child.send(SIGTERM) else { return false }
        if await child.wait(until: .now + terminationGrace, for: { child.exit }) == nil, !Task.isCancelled {
            child.send(SIGKILL)
        }
        return true
    }

    // The result of a finished child whose output went to `output`.
    static func result(of child: LaunchedProcess, exit: ProcessExit, timedOut: Bool, output: OutputBytes) -> CommandResult {
        CommandResult(
            command: child.command,
            exitStatus: exit.status,
            signal: exit.signalled ? exit.status : nil,
            timedOut: timedOut,
            standardOutputData: output.data(of: .stdout),
            standardErrorData: output.data(of: .stderr),
            duration: .now - child.launchedAt
        )
    }
}
