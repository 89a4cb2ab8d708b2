import Foundation

/// Runs commands with `Process` (no shell), draining both pipes while the process runs, with an optional time limit.
public struct CommandRunner: Sendable {
    /// How long a process gets after SIGTERM (sent when its time limit passes) before SIGKILL.
    public var terminationGrace: Duration

    /// Makes a runner; `terminationGrace` is the SIGTERM-to-SIGKILL wait after a time limit.
    public init(terminationGrace: Duration = .seconds(2)) {
        self.terminationGrace = terminationGrace
    }

    /// Runs the command and returns its result whatever its exit status; throws only when it cannot be launched.
    public func capture(_ command: Command, timeout: Duration? = nil) async throws -> CommandResult {
        let (process, output, errors) = Self.makeProcess(command)
        // The stream buffers the exit signal, so it cannot be missed however early the process ends.
        let (exits, exitSignal) = AsyncStream<Void>.makeStream()
        process.terminationHandler = { _ in exitSignal.finish() }

        let clock = ContinuousClock()
        let start = clock.now
        try await Self.launch(process, command: command)
        // Process.run() closes the parent's copies of the pipes' write ends, so the readers see end-of-file at exit.

        // Both pipes are read at once: a process that fills one pipe while we wait on the other would deadlock.
        async let outputData = Self.readToEnd(output.fileHandleForReading)
        async let errorData = Self.readToEnd(errors.fileHandleForReading)
        // Unstructured on purpose: waiting for the exit must not end early when the caller is cancelled.
        let exited = Task { for await _ in exits {} }
        let timedOut = await withTaskCancellationHandler {
            await waitForExit(of: process, exited: exited, timeout: timeout)
        } onCancel: {
            if process.isRunning { process.terminate() }
        }
        let (standardOutput, standardError) = await (outputData, errorData)
        let duration = clock.now - start

        let killedBySignal = process.terminationReason == .uncaughtSignal
        return CommandResult(
            command: command,
            exitStatus: process.terminationStatus,
            signal: killedBySignal ? process.terminationStatus : nil,
            timedOut: timedOut,
            standardOutputData: standardOutput,
            standardErrorData: standardError,
            duration: duration
        )
    }

    /// Runs the command and throws `CommandFailure` unless it exits with status 0 within its time limit.
    @discardableResult
    public func run(_ command: Command, timeout: Duration? = nil) async throws -> CommandResult {
        let result = try await capture(command, timeout: timeout)
        guard result.succeeded else { throw CommandFailure(result: result) }
        return result
    }

    // What finished first while waiting: the process, its time limit, or the grace period after SIGTERM.
    private enum WaitEvent: Sendable {
        case exited, timeLimitPassed, gracePassed
    }

    // Waits for the process to exit; when the time limit passes first, sends SIGTERM, then SIGKILL after the grace.
    private func waitForExit(of process: Process, exited: Task<Void, Never>, timeout: Duration?) async -> Bool {
        guard let timeout else {
            await exited.value
            return false
        }
        let grace = terminationGrace
        return await withTaskGroup(of: WaitEvent.self) { group in
            group.addTask {
                await exited.value
                return .exited
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return .timeLimitPassed
            }
            var timedOut = false
            while let event = await group.next() {
                switch event {
                case .exited:
                    group.cancelAll()
                    return timedOut
                case .timeLimitPassed:
                    // A cancelled caller ends the sleep early; the cancellation handler has already sent SIGTERM.
                    guard process.isRunning, !Task.isCancelled else { continue }
                    timedOut = true
                    process.terminate()
                    group.addTask {
                        try? await Task.sleep(for: grace)
                        return .gracePassed
                    }
                case .gracePassed:
                    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
                }
            }
            return timedOut
        }
    }

    // The process for `command`, with standard input closed and both outputs on pipes.
    static func makeProcess(_ command: Command) -> (process: Process, output: Pipe, errors: Pipe) {
        let process = Process()
        process.executableURL = command.executable
        process.arguments = command.arguments
        if !command.environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(command.environment) { $1 }
        }
        if let directory = command.workingDirectory {
            process.currentDirectoryURL = directory
        }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        return (process, output, errors)
    }

    // The child inherits the launching thread's signal mask, and Swift's concurrency threads block nearly every
    // signal (SIGTERM included, so a time limit could not stop the child). Launch from a fresh thread with none blocked.
    static func launchWithNoSignalBlocked(_ process: Process, command: Command, launched: @escaping @Sendable ((any Error)?) -> Void) {
        let launcher = Thread {
            var nothingBlocked = sigset_t()
            sigemptyset(&nothingBlocked)
            pthread_sigmask(SIG_SETMASK, &nothingBlocked, nil)
            do {
                try process.run()
                launched(nil)
            } catch {
                launched(HarnessError.launchFailed(command: command.commandLine, reason: String(describing: error)))
            }
        }
        launcher.start()
    }

    private static func launch(_ process: Process, command: Command) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            launchWithNoSignalBlocked(process, command: command) { failure in
                if let failure { continuation.resume(throwing: failure) } else { continuation.resume() }
            }
        }
    }

    // Reads a pipe to end-of-file on a dispatch thread, keeping the blocking read off Swift's cooperative pool.
    private static func readToEnd(_ handle: FileHandle) async -> Data {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: (try? handle.readToEnd()) ?? Data())
            }
        }
    }
}
