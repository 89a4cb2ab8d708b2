import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A child process run the way a user runs it, with its stdout and stderr collected line by line.
///
/// Lines are collected by one reader thread per stream, so a chatty child never blocks on a full pipe.
/// The child is killed (SIGKILL) when the value is released while it still runs, so a failing test never
/// leaves a process behind.
final class ChildProcess: @unchecked Sendable {
    /// One of the two output streams.
    enum Stream: Sendable { case stdout, stderr }

    /// How the child ended.
    struct Exit: Sendable, CustomStringConvertible {
        /// Exit status, or the signal number when `signalled`.
        var status: Int32
        /// Whether an uncaught signal ended it.
        var signalled: Bool
        /// When the end was observed.
        var at: ContinuousClock.Instant

        var description: String { signalled ? "killed by signal \(status)" : "exit \(status)" }
    }

    /// What the child wrote and how it ended; shared with the reader threads and the termination handler.
    private final class Output: Sendable {
        struct State {
            var stdout: [String] = []
            var stderr: [String] = []
            var partial: [Stream: [UInt8]] = [:]
            var open: Set<Stream> = [.stdout, .stderr]
            var exit: Exit?
        }

        let state = Mutex(State())

        func append(_ bytes: ArraySlice<UInt8>, to stream: Stream) {
            state.withLock { state in
                var buffer = state.partial[stream, default: []]
                buffer.append(contentsOf: bytes)
                while let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                    let line = String(decoding: buffer[..<newline], as: UTF8.self)
                    buffer.removeSubrange(...newline)
                    if stream == .stdout { state.stdout.append(line) } else { state.stderr.append(line) }
                }
                state.partial[stream] = buffer
            }
        }

        func close(_ stream: Stream) {
            state.withLock { state in
                if let rest = state.partial[stream], !rest.isEmpty {
                    let line = String(decoding: rest, as: UTF8.self)
                    if stream == .stdout { state.stdout.append(line) } else { state.stderr.append(line) }
                }
                state.partial[stream] = nil
                state.open.remove(stream)
            }
        }
    }

    /// The program and arguments, for messages.
    let commandLine: String
    /// The child's process id.
    let pid: Int32

    private let process: Process
    private let output = Output()

    /// Starts `executable` with exactly `environment` (nothing is inherited).
    init(executable: URL, arguments: [String] = [], environment: [String: String], currentDirectory: URL? = nil) throws {
        process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        commandLine = ([executable.path] + arguments).joined(separator: " ")
        let stdoutPipe = Pipe()
        let stderrPipe = Pipe()
        process.standardOutput = stdoutPipe
        process.standardError = stderrPipe
        process.standardInput = FileHandle.nullDevice
        let output = output
        process.terminationHandler = { finished in
            let exit = Exit(
                status: finished.terminationStatus,
                signalled: finished.terminationReason == .uncaughtSignal,
                at: .now
            )
            output.state.withLock { $0.exit = exit }
        }
        try process.run()
        pid = process.processIdentifier
        for (pipe, stream) in [(stdoutPipe, Stream.stdout), (stderrPipe, Stream.stderr)] {
            let thread = Thread {
                let descriptor = pipe.fileHandleForReading.fileDescriptor
                var buffer = [UInt8](repeating: 0, count: 65536)
                while true {
                    let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                    if count > 0 {
                        output.append(buffer[..<count], to: stream)
                    } else if count < 0, errno == EINTR {
                        continue
                    } else {
                        break
                    }
                }
                output.close(stream)
                withExtendedLifetime(pipe) {}
            }
            thread.name = "child-\(stream)"
            thread.start()
        }
    }

    deinit { kill() }

    /// The complete stdout lines so far.
    var stdoutLines: [String] { output.state.withLock { $0.stdout } }
    /// The complete stderr lines so far.
    var stderrLines: [String] { output.state.withLock { $0.stderr } }
    /// How it ended, once it has.
    var exit: Exit? { output.state.withLock { $0.exit } }
    /// Whether it still runs.
    var isRunning: Bool { exit == nil }

    /// Everything written so far, for failure messages.
    var transcript: String {
        let (out, err, exit) = output.state.withLock { ($0.stdout, $0.stderr, $0.exit) }
        return """
            $ \(commandLine)   [pid \(pid), \(exit.map(\.description) ?? "running")]
            --- stdout (\(out.count) lines) ---
            \(out.joined(separator: "\n"))
            --- stderr (\(err.count) lines) ---
            \(err.joined(separator: "\n"))
            """
    }

    /// Sends `signal` and returns when it was sent.
    @discardableResult
    func send(_ signal: Int32) -> ContinuousClock.Instant {
        let now = ContinuousClock.now
        if isRunning { _ = sendSignal(pid, signal) }
        return now
    }

    /// SIGKILL if it still runs.
    func kill() {
        if isRunning { _ = sendSignal(pid, SIGKILL) }
    }

    /// Waits until `stream` has a line satisfying `predicate` and returns it; fails if the child ends first or time runs out.
    @discardableResult
    func waitForLine(
        on stream: Stream = .stdout,
        within limit: Duration = .seconds(10),
        where predicate: (String) -> Bool
    ) async throws -> String {
        let deadline = ContinuousClock.now + limit
        while true {
            let (lines, finished) = output.state.withLock { state in
                (stream == .stdout ? state.stdout : state.stderr, !state.open.contains(stream))
            }
            if let line = lines.first(where: predicate) { return line }
            if finished || ContinuousClock.now >= deadline {
                throw ChildProcessError(
                    message: finished ? "the stream ended without the line" : "no such line within \(limit)",
                    transcript: transcript
                )
            }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    /// Waits until the child has ended and both streams are drained (at most 2 s after the end).
    func waitForExit(within limit: Duration = .seconds(10)) async throws -> Exit {
        let deadline = ContinuousClock.now + limit
        while true {
            if let exit = exit {
                let drainDeadline = ContinuousClock.now + .seconds(2)
                while !output.state.withLock({ $0.open.isEmpty }), ContinuousClock.now < drainDeadline {
                    try await Task.sleep(for: .milliseconds(5))
                }
                return exit
            }
            if ContinuousClock.now >= deadline {
                throw ChildProcessError(message: "still running after \(limit)", transcript: transcript)
            }
            try await Task.sleep(for: .milliseconds(2))
        }
    }

    /// The environment every child starts from: enough to find programs and a home, and nothing else.
    static var baseEnvironment: [String: String] {
        let inherited = ProcessInfo.processInfo.environment
        var environment = ["PATH": inherited["PATH"] ?? "/usr/local/bin:/usr/bin:/bin", "HOME": inherited["HOME"] ?? "/root"]
        for name in ["TMPDIR", "LANG", "PYENV_ROOT", "PYENV_VERSION", "NPS_PY_VENV", "NPS_PYTHON", "PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL"] {
            if let value = inherited[name] { environment[name] = value }
        }
        return environment
    }
}

/// kill(2), named apart from `ChildProcess.kill()`.
private func sendSignal(_ pid: Int32, _ signal: Int32) -> Int32 { kill(pid, signal) }

/// A child process did not do what a test waited for; the description carries all its output.
struct ChildProcessError: Error, CustomStringConvertible {
    let message: String
    let transcript: String
    var description: String { "\(message)\n\(transcript)" }
}

/// A TCP listener on 127.0.0.1 held by the test itself, to make a port busy.
final class BusyPort: Sendable {
    /// The port it listens on.
    let port: Int
    private let descriptor: Int32

    /// Binds and listens on a free loopback port (no SO_REUSEADDR or SO_REUSEPORT, so nobody else can share it).
    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(descriptor, socketAddress, length) == 0 && listen(descriptor, 16) == 0
                    && getsockname(descriptor, socketAddress, &length) == 0
            }
        }
        guard bound else {
            let code = errno
            close(descriptor)
            throw POSIXError(.init(rawValue: code) ?? .EIO)
        }
        self.descriptor = descriptor
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit { close(descriptor) }
}

/// A loopback port that nothing listens on (bound, then released).
func unusedPort() throws -> Int {
    let busy = try BusyPort()
    return busy.port
}
