import Foundation

/// A built binary run as a child process with exactly the given environment; stdout and stderr go to files.
///
/// Killed (SIGKILL) when released while still running, so a failing test leaves nothing behind.
final class TestProcess: @unchecked Sendable {
    /// Where its output and any files it writes go.
    let directory: URL
    private let process = Process()

    /// Starts `binary` with `arguments` and `environment` (plus PATH and HOME).
    init(_ binary: String, arguments: [String] = [], environment: [String: String]) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("stand-in-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for name in ["stdout", "stderr"] {
            guard FileManager.default.createFile(atPath: directory.appendingPathComponent(name).path, contents: nil) else {
                throw TestProcessError(description: "cannot create \(name) in \(directory.path)")
            }
        }
        let inherited = ProcessInfo.processInfo.environment
        process.executableURL = BuildProducts.binary(binary)
        process.arguments = arguments
        process.environment = environment.merging(["PATH": inherited["PATH"] ?? "/usr/bin:/bin", "HOME": inherited["HOME"] ?? "/"]) { own, _ in own }
        process.currentDirectoryURL = directory
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: directory.appendingPathComponent("stdout"))
        process.standardError = try FileHandle(forWritingTo: directory.appendingPathComponent("stderr"))
        try process.run()
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(at: directory)
    }

    /// Its stdout lines so far.
    var stdoutLines: [String] { lines(of: "stdout") }
    /// Its stderr lines so far.
    var stderrLines: [String] { lines(of: "stderr") }

    /// The lines of the file `name` in ``directory``.
    func lines(of name: String) -> [String] {
        let text = (try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map(String.init)
    }

    /// Waits for a JSON log line in `file` whose message starts with `prefix`; returns it parsed.
    @discardableResult
    func waitForMessage(startingWith prefix: String, in file: String = "stdout", within limit: Duration = .seconds(15)) async throws -> [String: Any]
    {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            for line in lines(of: file) {
                if let object = Self.object(of: line), (object["message"] as? String)?.hasPrefix(prefix) == true { return object }
            }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw TestProcessError(description: "no '\(prefix)' line in \(file) within \(limit)\n\(transcript)")
    }

    /// Sends `signal`, waits for the exit and returns the status and the time from the signal to the exit.
    func stop(signal: Int32 = SIGTERM, within limit: Duration = .seconds(10)) async throws -> (status: Int32, elapsed: Duration) {
        let start = ContinuousClock.now
        kill(process.processIdentifier, signal)
        return (try await waitForExit(within: limit), ContinuousClock.now - start)
    }

    /// Waits for the process to end by itself and returns its exit status.
    func waitForExit(within limit: Duration = .seconds(10)) async throws -> Int32 {
        let deadline = ContinuousClock.now + limit
        while process.isRunning {
            guard ContinuousClock.now < deadline else { throw TestProcessError(description: "still running after \(limit)\n\(transcript)") }
            try await Task.sleep(for: .milliseconds(5))
        }
        return process.terminationStatus
    }

    /// Everything it wrote, for failure messages.
    var transcript: String {
        "--- stdout ---\n\(stdoutLines.joined(separator: "\n"))\n--- stderr ---\n\(stderrLines.joined(separator: "\n"))"
    }

    /// A line parsed as a JSON object, or nil.
    static func object(of line: String) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
    }
}

/// A child process did not do what a test waited for; the description carries its output.
struct TestProcessError: Error, CustomStringConvertible {
    let description: String
}
