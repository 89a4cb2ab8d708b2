import AsyncHTTPClient
import Foundation
import GRPCCore
import ProcessRunning

/// The benchmark: starts the release Oracle on this machine, measures it and prints a table of figures.
struct BenchmarkRun: Sendable {
    /// What to measure, from the command line.
    let options: BenchmarkOptions

    /// A database URL nothing listens at: the Oracle keeps every record in its spool.
    static let unreachableDatabaseURL = "postgres://nps@127.0.0.1:1/nps?sslmode=disable"

    /// Starts the server, measures each phase, stops the server and prints the figures.
    func run() async throws {
        let server = try ServerUnderTest(
            binary: options.server,
            databaseURL: options.databaseURL,
            grpcPort: options.grpcPort,
            healthPort: options.healthPort,
            core: 0
        )
        try await Self.waitUntilHealthy(server)
        try await Task.sleep(for: .seconds(1))
        let idleRSS = server.residentMegabytes()

        let transport = try OracleTarget(host: "127.0.0.1", port: options.grpcPort).transport()
        let (single, concurrent, health, loadedRSS) = try await withGRPCClient(transport: transport) { client in
            let oracle = OracleCalls(oracle: .init(wrapping: client))
            _ = try await Self.measure(oracle, streams: 1, for: .seconds(1))
            let single = try await Self.measure(oracle, streams: 1, for: options.duration)
            let healthTask = Task { try await Self.healthLatencies(port: options.healthPort, for: options.duration) }
            let concurrent = try await Self.measure(oracle, streams: 16, for: options.duration)
            let loadedRSS = server.residentMegabytes()
            return (single, concurrent, try await healthTask.value, loadedRSS)
        }
        let exit = try await server.terminate()
        // A server of their own each, so the records they leave behind weigh on no other figure.
        let writes = try await writeThroughput(databaseURL: options.databaseURL, portOffset: 1)
        let spooledWrites = try await writeThroughput(databaseURL: Self.unreachableDatabaseURL, portOffset: 2)
        let replay = try await spoolReplay(portOffset: 3)
        let replayProblems = replay.problems.isEmpty ? "" : "; FAILED: " + replay.problems.joined(separator: "; ")

        let rows: [(String, String, String)] = [
            ("GetReading p50, 1 stream", Self.format(single.percentile(0.5).inMilliseconds, "ms"), ""),
            ("GetReading p99, 1 stream", Self.format(single.percentile(0.99).inMilliseconds, "ms"), "≤ 1 ms"),
            ("GetReading throughput, 1 stream", Self.format(single.throughput, "calls/s"), ""),
            ("GetReading p50, 16 streams", Self.format(concurrent.percentile(0.5).inMilliseconds, "ms"), ""),
            ("GetReading p99, 16 streams", Self.format(concurrent.percentile(0.99).inMilliseconds, "ms"), ""),
            ("GetReading throughput, 16 streams (server on 1 core)", Self.format(concurrent.throughput, "calls/s"), "≥ 5,000 calls/s"),
            ("/health p99 under 16-stream load", Self.format(health.percentile(0.99).inMilliseconds, "ms"), "≤ 2 ms"),
            ("RSS idle", Self.format(idleRSS, "MiB"), "≤ 40 MB"),
            ("RSS after 16-stream load", Self.format(loadedRSS, "MiB"), ""),
            ("SIGTERM to exit (status \(exit.status))", Self.format(exit.elapsed.inMilliseconds, "ms"), "≤ 1 s"),
            ("SuggestRange acknowledged, 16 streams, database up", Self.format(writes.acknowledgedPerSecond, "calls/s"), writes.failures),
            (
                "SuggestRange acknowledged, 16 streams, database unreachable (spool)",
                Self.format(spooledWrites.acknowledgedPerSecond, "calls/s"), spooledWrites.failures
            ),
            (
                "Spool replay after a restart, N = \(replay.records) records (process start to pending 0)",
                replay.recordsPerSecond.map { Self.format($0, "records/s") } ?? "not drained", "≥ 5,000 records/s" + replayProblems
            ),
            (
                "Spool replay time, process start to /health pending 0",
                replay.drained.map { Self.format($0.inMilliseconds, "ms") } ?? "not drained", ""
            ),
        ]
        print("nps-oracle benchmark: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(options.duration) per phase")
        let width = rows.map(\.0.count).max() ?? 0
        for (name, value, goal) in rows {
            print(name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + value.padding(toLength: 18, withPad: " ", startingAt: 0) + goal)
        }
    }

    /// Starts a server against `databaseURL` on the benchmark's ports plus `portOffset` and makes SuggestRange calls,
    /// each with its own idempotency key, from 16 streams for the phase's duration; stops the server.
    func writeThroughput(databaseURL: String, portOffset: Int) async throws -> WriteThroughput {
        let server = try ServerUnderTest(
            binary: options.server,
            databaseURL: databaseURL,
            grpcPort: options.grpcPort + portOffset,
            healthPort: options.healthPort + portOffset,
            core: 0
        )
        try await Self.waitUntilHealthy(server, databaseReachable: databaseURL != Self.unreachableDatabaseURL)
        let tally = try await Self.suggestRanges(
            to: server,
            calls: WriteLoad.maxCalls,
            keyPrefix: Self.freshKeyPrefix("\(portOffset)"),
            budget: options.duration
        )
        _ = try await server.terminate()
        return WriteThroughput(tally)
    }

    /// Makes up to `calls` SuggestRange calls to `server` from 16 streams, call `i` with the idempotency key
    /// `<keyPrefix>-<i>`, starting calls for at most `budget`.
    static func suggestRanges(to server: ServerUnderTest, calls: Int, keyPrefix: String, budget: Duration) async throws -> WriteTally {
        let load = WriteLoad(calls: calls, keyPrefix: keyPrefix, kinds: [.suggestRange], budget: budget)
        let transport = try OracleTarget(host: "127.0.0.1", port: server.grpcPort).transport()
        return try await withGRPCClient(transport: transport) { client in
            let oracle = OracleCalls(oracle: .init(wrapping: client))
            return await load.run(concurrency: 16) { kind, key in try await oracle.write(kind, key: key, within: load.deadline) }
        }
    }

    /// "benchmark-<random>-`phase`": keys of their own, so a second run against the same database stores new rows
    /// rather than repeating these.
    static func freshKeyPrefix(_ phase: String) -> String {
        "benchmark-\(UInt32.random(in: .min ... .max))-\(phase)"
    }

    /// Calls GetReading from `streams` concurrent loops for `duration`; one latency per call, each call at most 10 s.
    static func measure(_ oracle: OracleCalls, streams: Int, for duration: Duration) async throws -> LatencySample {
        let start = ContinuousClock.now
        let deadline = start + duration
        let latencies = try await withThrowingTaskGroup(of: [Duration].self) { group in
            for _ in 0..<streams {
                group.addTask {
                    var latencies: [Duration] = []
                    while ContinuousClock.now < deadline {
                        let callStart = ContinuousClock.now
                        try await oracle.reading()
                        latencies.append(ContinuousClock.now - callStart)
                    }
                    return latencies
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        return LatencySample(latencies: latencies, elapsed: ContinuousClock.now - start)
    }

    /// GET /health every 5 ms for `duration`.
    static func healthLatencies(port: Int, for duration: Duration) async throws -> LatencySample {
        let start = ContinuousClock.now
        var latencies: [Duration] = []
        while ContinuousClock.now - start < duration {
            let callStart = ContinuousClock.now
            let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: "http://127.0.0.1:\(port)/health"), timeout: .seconds(2))
            _ = try await response.body.collect(upTo: 1 << 16)
            latencies.append(ContinuousClock.now - callStart)
            try await Task.sleep(for: .milliseconds(5))
        }
        return LatencySample(latencies: latencies, elapsed: ContinuousClock.now - start)
    }

    /// Polls the server's /health until it answers 200 (with `databaseReachable` false: until it says gRPC listens,
    /// which it answers 503), for at most 15 s or until the server ends; the failure carries the server's last lines
    /// (not its environment, which holds the database password).
    static func waitUntilHealthy(_ server: ServerUnderTest, databaseReachable: Bool = true) async throws {
        let deadline = ContinuousClock.now + .seconds(15)
        let url = "http://127.0.0.1:\(server.healthPort)/health"
        while ContinuousClock.now < deadline, server.process.isRunning {
            if let response = try? await HTTPClient.shared.execute(HTTPClientRequest(url: url), timeout: .seconds(1)) {
                if response.status == .ok { return }
                if !databaseReachable, let body = try? await response.body.collect(upTo: 1 << 16),
                    (try? JSONDecoder().decode(HealthAnswer.self, from: Data(body.readableBytesView)))?.grpcListening == true
                {
                    return
                }
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        let ending = server.process.exit.map { "it ended with \($0)" } ?? "it still runs"
        let lines = (server.process.stdoutLines + server.process.stderrLines).suffix(20)
        throw BenchmarkFailure(
            message: "the server did not become \(databaseReachable ? "healthy (is DATABASE_URL reachable?)" : "ready") within 15 s; \(ending). "
                + "Its last lines:\n" + lines.joined(separator: "\n")
        )
    }

    /// `value` with three decimals below 100 and none above, then `unit`.
    static func format(_ value: Double, _ unit: String) -> String {
        (value >= 100 ? String(format: "%.0f", value) : String(format: "%.3f", value)) + " " + unit
    }
}
