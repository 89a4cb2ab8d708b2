import Foundation
import Synchronization

/// A command's child process as launched: no signal blocked, each output pipe drained into an `OutputSink` by a thread
/// of its own (off Swift's cooperative pool), and the exit collected by a thread that reaps the child itself.
///
/// The one launch, drain and exit core under `CommandRunner` and `RunningProcess`.
final class LaunchedProcess: Sendable {
    /// How long the pipes are still read after the child has exited, while a daemon it started still holds them open.
    static let drainGrace: Duration = .seconds(2)

    /// The command that runs.
    let command: Command
    /// The child's process id.
    let pid: Int32
    /// When the launch began.
    let launchedAt: ContinuousClock.Instant

    // What the reader threads and the reaper have seen.
    private struct State {
        var exit: ProcessExit?
        var open: Set<StandardStream> = [.stdout, .stderr]
    }

    // The `Process` with its two pipes, and the signal of Foundation's own termination handler (see `reap`).
    private struct Parts: Sendable {
        let process: Process
        let output: Pipe
        let errors: Pipe
        let foundationSawExit = DispatchSemaphore(value: 0)
    }

    // Written by the threads, read by the waiting tasks.
    private let state = Mutex(State())
    // Announced after every chunk of output, end of a pipe and the exit, for `wait(until:for:)`.
    private let changes = ChangeSignal()
    // Entered by the two readers and the reaper, left by each when it is done; `finished` waits for all three.
    private let threads = DispatchGroup()

    /// Launches `command` without blocking the caller's thread, handing its output to `sink`; throws `ProcessFailure`.
    static func launch(_ command: Command, into sink: some OutputSink) async throws -> LaunchedProcess {
        let parts = makeParts(command)
        let start = ContinuousClock.now
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            launchWithNoSignalBlocked(parts.process, command: command) { continuation.resume(with: $0) }
        }
        return LaunchedProcess(command, parts, launchedAt: start, sink: sink)
    }

    /// Launches `command`, blocking the calling thread only until the child has started; throws `ProcessFailure`.
    static func launchBlocking(_ command: Command, into sink: some OutputSink) throws -> LaunchedProcess {
        let parts = makeParts(command)
        let start = ContinuousClock.now
        let launched = HandOver<Result<Void, ProcessFailure>>()
        launchWithNoSignalBlocked(parts.process, command: command) { launched.put($0) }
        try launched.take().get()
        return LaunchedProcess(command, parts, launchedAt: start, sink: sink)
    }

    // Starts the two readers and the reaper for a child that has just been launched.
    private init(_ command: Command, _ parts: Parts, launchedAt: ContinuousClock.Instant, sink: some OutputSink) {
        self.command = command
        self.launchedAt = launchedAt
        pid = parts.process.processIdentifier
        for (pipe, stream) in [(parts.output, StandardStream.stdout), (parts.errors, .stderr)] {
            threads.enter()
            let reader = Thread { [self] in drain(pipe.fileHandleForReading, stream, into: sink) }
            reader.name = "child \(pid) \(stream)"
            reader.start()
        }
        threads.enter()
        let reaper = Thread { [self] in reap(parts) }
        reaper.name = "child \(pid) reaper"
        reaper.start()
    }

    /// How it ended, once it has been reaped.
    var exit: ProcessExit? { state.withLock { $0.exit } }

    /// Whether `stream` is still being read.
    func isOpen(_ stream: StandardStream) -> Bool { state.withLock { $0.open.contains(stream) } }

    /// Whether both pipes have been read to their end (or given up `drainGrace` after the exit).
    var isDrained: Bool { state.withLock { $0.open.isEmpty } }

    /// Sends `signal` unless the child has been reaped (its pid may then be another process's); returns whether it was sent.
    @discardableResult
    func send(_ signal: Int32) -> Bool {
        state.withLock { state in state.exit == nil && kill(pid, signal) == 0 }
    }

    /// Waits until `condition` gives a value, checking it again after every chunk of output, end of a pipe and the exit;
    /// nil when `deadline` passes or the task is cancelled first.
    func wait<Value>(until deadline: ContinuousClock.Instant?, for condition: () -> Value?) async -> Value? {
        while true {
            let seen = changes.changes
            if let value = condition() { return value }
            if Task.isCancelled { return nil }
            if let deadline, ContinuousClock.now >= deadline { return nil }
            await changes.wait(after: seen, until: deadline)
        }
    }

    /// Waits until the child has been reaped and both pipes drained; cancelling the caller does not cut it short.
    func finished() async -> ProcessExit {
        await withCheckedContinuation { continuation in
            threads.notify(queue: .global()) { continuation.resume() }
        }
        // The reaper records the exit before it leaves the group.
        return exit!
    }

    /// Blocks the calling thread until the child has been reaped and both pipes drained.
    func finishedBlocking() -> ProcessExit {
        threads.wait()
        return exit!
    }

    // The process for `command`, with standard input closed and both outputs on pipes.
    private static func makeParts(_ command: Command) -> Parts {
        let process = Process()
        process.executableURL = command.executable
        process.arguments = command.arguments
        process.environment = command.resolvedEnvironment
        if let directory = command.workingDirectory {
            process.currentDirectoryURL = directory
        }
        let parts = Parts(process: process, output: Pipe(), errors: Pipe())
        // Foundation's pipes are not close-on-exec, and a child another thread launches at this moment could inherit
        // them and keep them open after this child has gone. This child's own stdout and stderr are dup2'd copies,
        // which exec keeps.
        for pipe in [parts.output, parts.errors] {
            for handle in [pipe.fileHandleForReading, pipe.fileHandleForWriting] {
                _ = fcntl(handle.fileDescriptor, F_SETFD, FD_CLOEXEC)
            }
        }
        process.standardOutput = parts.output
        process.standardError = parts.errors
        process.standardInput = FileHandle.nullDevice
        process.terminationHandler = { [foundationSawExit = parts.foundationSawExit] _ in foundationSawExit.signal() }
        return parts
    }

    // The child inherits the launching thread's signal mask, and Swift's concurrency threads block nearly every
    // signal (SIGTERM included, so a time limit could not stop the child). Launch from a fresh thread with none blocked.
    private static func launchWithNoSignalBlocked(
        _ process: Process,
        command: Command,
        launched: @escaping @Sendable (Result<Void, ProcessFailure>) -> Void
    ) {
        let launcher = Thread {
            var nothingBlocked = sigset_t()
            sigemptyset(&nothingBlocked)
            pthread_sigmask(SIG_SETMASK, &nothingBlocked, nil)
            do {
                try process.run()
                launched(.success(()))
            } catch {
                launched(.failure(.launch(commandLine: command.commandLine, reason: String(describing: error))))
            }
        }
        launcher.start()
    }

    // Reads one pipe until end-of-file, or until it is quiet after the child has been gone for `drainGrace` while a
    // descendant (a daemon it started) still holds it open; the poll timeout lets a quiet pipe notice that moment.
    // What is already in the pipe is read first, however late this thread starts.
    private func drain(_ handle: FileHandle, _ stream: StandardStream, into sink: some OutputSink) {
        let descriptor = handle.fileDescriptor
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&request, 1, 100)
            if ready < 0, errno != EINTR { break }
            guard ready > 0 else {
                if drainGracePassed { break }
                continue
            }
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                sink.append(buffer[..<count], from: stream)
                changes.announce()
            } else if count == 0 || errno != EINTR {
                break
            }
        }
        sink.end(stream)
        state.withLock { _ = $0.open.remove(stream) }
        changes.announce()
        threads.leave()
    }

    // Whether the child was reaped more than `drainGrace` ago.
    private var drainGracePassed: Bool {
        state.withLock { state in state.exit.map { ContinuousClock.now >= $0.at + Self.drainGrace } ?? false }
    }

    // Reaps the child with waitpid instead of waiting for Foundation: Foundation learns of the exit from a socket it
    // leaks into the child, and a daemon the child starts inherits that socket, so Foundation may never hear of the
    // exit (swift-corelibs-foundation#4795). ECHILD means Foundation reaped it first: its socket did close, so its
    // termination handler, and with it the status, is on the way.
    private func reap(_ parts: Parts) {
        var waitStatus: Int32 = 0
        var reaped: pid_t
        repeat {
            reaped = waitpid(pid, &waitStatus, 0)
        } while reaped == -1 && errno == EINTR
        let exit: ProcessExit
        if reaped == pid {
            exit = ProcessExit(waitStatus: waitStatus, at: .now)
        } else {
            parts.foundationSawExit.wait()
            let signalled = parts.process.terminationReason == .uncaughtSignal
            exit = ProcessExit(status: parts.process.terminationStatus, signalled: signalled, at: .now)
        }
        state.withLock { $0.exit = exit }
        changes.announce()
        threads.leave()
    }
}
