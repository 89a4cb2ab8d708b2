import Foundation

/// The release `nps-oracle` started as a child process, pinned to one core when `taskset` exists.
final class ServerUnderTest: Sendable {
    /// The child process.
    let process: Process
    /// Its gRPC port.
    let grpcPort: Int
    /// Its health port.
    let healthPort: Int

    /// Starts `binary` against `databaseURL` on the given ports, logging to a temporary file.
    init(binary: String, databaseURL: String, grpcPort: Int, healthPort: Int, core: Int?) throws {
        let process = Process()
        let logDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("nps-benchmark-\(getpid())")
        if let core, FileManager.default.isExecutableFile(atPath: "/usr/bin/taskset") {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/taskset")
            process.arguments = ["-c", "\(core)", binary]
        } else {
            process.executableURL = URL(fileURLWithPath: binary)
        }
        var environment = ProcessInfo.processInfo.environment
        environment["DATABASE_URL"] = databaseURL
        environment["NPS_MASTER_PASSWORD"] = "benchmark-master-password"
        environment["GRPC_PORT"] = "\(grpcPort)"
        environment["HEALTH_PORT"] = "\(healthPort)"
        environment["BIND_HOST"] = "127.0.0.1"
        environment["LOG_FILE"] = logDirectory.appendingPathComponent("oracle.log").path
        environment["LOG_LEVEL"] = "warning"
        environment.removeValue(forKey: "ANTHROPIC_API_KEY")
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        self.process = process
        self.grpcPort = grpcPort
        self.healthPort = healthPort
    }

    /// Resident set size of the server in MiB, from /proc.
    func residentMegabytes() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
            let kilobytes = Double(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        else { return .nan }
        return kilobytes / 1024
    }

    /// Sends SIGTERM and returns the time until the process has exited, with its status.
    func terminate() -> (elapsed: Duration, status: Int32) {
        let start = ContinuousClock.now
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        return (ContinuousClock.now - start, process.terminationStatus)
    }
}
