import Foundation
import ProcessRunning

/// The release `nps-oracle` started as a child process, pinned to one core when `taskset` exists, with a spool folder
/// of its own; killed if released while it still runs.
final class ServerUnderTest: Sendable {
    /// The child process.
    let process: RunningProcess
    /// Its gRPC port.
    let grpcPort: Int
    /// Its health port.
    let healthPort: Int
    /// Where it spools records the database has not taken yet (`NPS_SPOOL_DIR`); removed once it has exited.
    let spoolDirectory: URL
    /// Just before the process was launched.
    let launched: ContinuousClock.Instant

    /// Starts `binary` against `databaseURL` on the given ports, logging to a temporary file and spooling to a
    /// temporary folder named after its gRPC port (so each server of a run has its own, and one started on the port of
    /// a server stopped with its spool kept replays that spool).
    init(binary: String, databaseURL: String, grpcPort: Int, healthPort: Int, core: Int?) throws {
        let logDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("nps-benchmark-\(getpid())")
        spoolDirectory = logDirectory.appendingPathComponent("spool-\(grpcPort)")
        try FileManager.default.createDirectory(at: spoolDirectory, withIntermediateDirectories: true)
        var environment = ProcessInfo.processInfo.environment
        environment["DATABASE_URL"] = databaseURL
        environment["NPS_MASTER_PASSWORD"] = "benchmark-master-password"
        environment["GRPC_PORT"] = "\(grpcPort)"
        environment["HEALTH_PORT"] = "\(healthPort)"
        environment["BIND_HOST"] = "127.0.0.1"
        environment["LOG_FILE"] = logDirectory.appendingPathComponent("oracle.log").path
        environment["LOG_LEVEL"] = "warning"
        environment["NPS_SPOOL_DIR"] = spoolDirectory.path
        environment.removeValue(forKey: "ANTHROPIC_API_KEY")
        let taskset = URL(fileURLWithPath: "/usr/bin/taskset")
        let command =
            if let core, FileManager.default.isExecutableFile(atPath: taskset.path) {
                Command(executable: taskset, arguments: ["-c", "\(core)", binary], environment: environment, inheritsEnvironment: false)
            } else {
                Command(executable: URL(fileURLWithPath: binary), environment: environment, inheritsEnvironment: false)
            }
        launched = .now
        process = try RunningProcess(command)
        self.grpcPort = grpcPort
        self.healthPort = healthPort
    }

    /// Resident set size of the server in MiB, from /proc.
    func residentMegabytes() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/\(process.pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
            let kilobytes = Double(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        else { return .nan }
        return kilobytes / 1024
    }

    /// User plus system CPU time the server has used so far (/proc/PID/stat); nil when unreadable.
    func cpuTime() -> Duration? {
        guard let stat = try? String(contentsOfFile: "/proc/\(process.pid)/stat", encoding: .utf8),
            let ticks = Self.cpuTicks(stat: stat)
        else { return nil }
        return .seconds(Double(ticks) / Double(sysconf(Int32(_SC_CLK_TCK))))
    }

    /// utime plus stime, in clock ticks, of a /proc/PID/stat line; nil when it has no such fields.
    static func cpuTicks(stat: String) -> Int? {
        // The command (field 2) is in parentheses and may hold spaces and parentheses itself: fields are counted from
        // the last ')', after which come proc(5)'s fields from 3 (state) on: utime is 14, stime 15.
        guard let commandEnd = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: commandEnd)...].split(separator: " ")
        guard fields.count > 12, let user = Int(fields[11]), let system = Int(fields[12]) else { return nil }
        return user + system
    }

    /// Sends SIGTERM and returns the time until the process has exited (at most 10 s), with its status; then removes
    /// its spool, which a write phase against an unreachable database fills with every record, unless `keepingSpool`
    /// (for a server started after it to replay).
    func terminate(keepingSpool: Bool = false) async throws -> (elapsed: Duration, status: Int32) {
        let (exit, elapsed) = try await process.stop(with: SIGTERM, within: .seconds(10))
        if !keepingSpool {
            try? FileManager.default.removeItem(at: spoolDirectory)
        }
        return (elapsed, exit.status)
    }
}
