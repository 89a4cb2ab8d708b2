import AsyncHTTPClient
import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import ProcessRunning

/// The benchmark: starts the release Oracle on this machine, measures it and prints a table of figures.
struct BenchmarkRun: Sendable {
    /// What to measure, from the command line.
    let options: BenchmarkOptions

    /// A database URL nothing listens at: the Oracle keeps every record in its spool.
    static let unreachableDatabaseURL = "postgres://nps@127.0.0.1:1/nps?sslmode=disable"

    /// Starts the server, measures each phase, stops the server, prints the figures (with their ratios to the
    /// baseline, when given) and writes them as JSON (when asked).
    func run() async throws {
        let baseline = try options.baselinePath.map { path in
            do {
                return try JSONDecoder().decode(BenchmarkReport.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
            } catch {
                throw BenchmarkFailure(message: "the baseline \(path) is not a benchmark report: \(error)")
            }
        }
        let server = try ServerUnderTest(
            binary: options.server,
            databaseURL: options.databaseURL,
            grpcPort: options.grpcPort,
            healthPort: options.healthPort,
            core: 0
        )
        let startToHealth = try await Self.waitUntilHealthy(server)
        try await Task.sleep(for: .seconds(1))
        let idleRSS = server.residentMegabytes()

        let transport = try OracleTarget(host: "127.0.0.1", port: options.grpcPort).transport()
        let reads = try await withGRPCClient(transport: transport) { client in
            _ = try await Self.measure(.reading, on: client, server: server, streams: 1, for: .seconds(1))
            let single = try await Self.measure(.reading, on: client, server: server, streams: 1, for: options.duration)
            let healthTask = Task { try await Self.healthLatencies(port: options.healthPort, for: options.duration) }
            let concurrent = try await Self.measure(.reading, on: client, server: server, streams: 16, for: options.duration)
            let health = try await healthTask.value
            let loadedRSS = server.residentMegabytes()
            var others: [(BenchmarkRPC, PhaseFigures)] = []
            for rpc in BenchmarkRPC.allCases where rpc != .reading {
                others.append((rpc, try await Self.measure(rpc, on: client, server: server, streams: 16, for: options.duration)))
            }
            return (single: single, concurrent: concurrent, health: health, loadedRSS: loadedRSS, others: others)
        }
        let exit = try await server.terminate()
        // A server of their own each, so the records they leave behind weigh on no other figure.
        let writes = try await writeThroughput(databaseURL: options.databaseURL, portOffset: 1)
        let spooledWrites = try await writeThroughput(databaseURL: Self.unreachableDatabaseURL, portOffset: 2)
        let replay = try await spoolReplay(portOffset: 3)
        let replayProblems = replay.problems.isEmpty ? "" : "; FAILED: " + replay.problems.joined(separator: "; ")

        let single = reads.single.sample
        let concurrent = reads.concurrent
        let empty = reads.others.first { $0.0 == .emptyBaseline }?.1
        let readingCPU = Self.microseconds(concurrent.cpuPerCall)
        var figures: [BenchmarkFigure] = [
            .init("get_reading_p50_1_stream_ms", "GetReading p50, 1 stream", single.percentile(0.5).inMilliseconds, "ms"),
            .init("get_reading_p99_1_stream_ms", "GetReading p99, 1 stream", single.percentile(0.99).inMilliseconds, "ms", goal: "≤ 0.5 ms"),
            .init("get_reading_throughput_1_stream", "GetReading throughput, 1 stream", single.throughput, "calls/s"),
            .init("get_reading_p50_16_streams_ms", "GetReading p50, 16 streams", concurrent.sample.percentile(0.5).inMilliseconds, "ms"),
            .init("get_reading_p99_16_streams_ms", "GetReading p99, 16 streams", concurrent.sample.percentile(0.99).inMilliseconds, "ms"),
            .init(
                "get_reading_throughput_16_streams",
                "GetReading throughput, 16 streams (server on 1 core)",
                concurrent.sample.throughput,
                "calls/s",
                goal: "≥ 20,000 calls/s"
            ),
            .init("get_reading_cpu_per_call_us", "GetReading server CPU per call, 16 streams", readingCPU, "µs", goal: "≤ 40 µs"),
            .init(
                "get_reading_cpu_vs_empty_rpc",
                "GetReading CPU per call ÷ empty RPC's",
                readingCPU / Self.microseconds(empty?.cpuPerCall),
                "×",
                goal: "≤ 1.25 ×"
            ),
        ]
        for (rpc, phase) in reads.others {
            figures.append(
                .init("\(rpc.rawValue)_cpu_per_call_us", "\(rpc.label) server CPU per call, 16 streams", Self.microseconds(phase.cpuPerCall), "µs")
            )
            figures.append(.init("\(rpc.rawValue)_throughput_16_streams", "\(rpc.label) throughput, 16 streams", phase.sample.throughput, "calls/s"))
        }
        figures += [
            .init(
                "health_p99_under_load_ms",
                "/health p99 under 16-stream GetReading load",
                reads.health.percentile(0.99).inMilliseconds,
                "ms",
                goal: "≤ 1 ms"
            ),
            .init("rss_idle_mib", "RSS idle", idleRSS, "MiB", goal: "≤ 30 MiB"),
            .init("rss_after_load_mib", "RSS after 16-stream load", reads.loadedRSS, "MiB", goal: "≤ 40 MiB"),
            .init(
                "start_to_health_ms",
                "process start → first /health 200 (polled every 10 ms)",
                startToHealth.inMilliseconds,
                "ms",
                goal: "≤ 100 ms"
            ),
            .init("sigterm_to_exit_ms", "SIGTERM to exit (status \(exit.status))", exit.elapsed.inMilliseconds, "ms", goal: "≤ 1 s"),
            .init(
                "suggest_range_acknowledged_per_s",
                "SuggestRange acknowledged, 16 streams, database up",
                writes.acknowledgedPerSecond,
                "calls/s",
                goal: writes.failures
            ),
            .init(
                "suggest_range_cpu_per_call_us",
                "SuggestRange server CPU per acknowledged call, database up",
                Self.microseconds(writes.cpuPerAcknowledged),
                "µs"
            ),
            .init(
                "suggest_range_spooled_per_s",
                "SuggestRange acknowledged, 16 streams, database unreachable (spool)",
                spooledWrites.acknowledgedPerSecond,
                "calls/s",
                goal: spooledWrites.failures
            ),
            .init(
                "spool_replay_records_per_s",
                "Spool replay after a restart, N = \(replay.records) records (process start to pending 0)",
                replay.recordsPerSecond ?? .nan,
                "records/s",
                goal: "≥ 5,000 records/s" + replayProblems
            ),
            .init(
                "spool_replay_ms",
                "Spool replay time, process start to /health pending 0",
                replay.drained?.inMilliseconds ?? .nan,
                "ms"
            ),
        ]
        let (megabytes, sizeProblem): (Double, String) =
            switch await StrippedBinarySize.megabytes(of: options.server) {
            case .success(let megabytes): (megabytes, "")
            case .failure(let failure): (.nan, "; \(failure)")
            }
        figures.append(.init("binary_stripped_mb", "nps-oracle binary, stripped as in the image", megabytes, "MB", goal: "≤ 60 MB" + sizeProblem))
        let report = BenchmarkReport.here(phaseSeconds: options.duration.inSeconds, figures: figures)
        print(report.table(comparedWith: baseline))
        if let path = options.jsonPath {
            try report.json().write(to: URL(fileURLWithPath: path), options: .atomic)
            print("figures written to \(path)")
        }
    }

    /// `duration` in microseconds; NaN when there is none.
    static func microseconds(_ duration: Duration?) -> Double {
        duration.map { $0.inSeconds * 1_000_000 } ?? .nan
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
        let cpuBefore = server.cpuTime()
        let tally = try await Self.suggestRanges(
            to: server,
            calls: WriteLoad.maxCalls,
            keyPrefix: Self.freshKeyPrefix("\(portOffset)"),
            budget: options.duration
        )
        let cpuAfter = server.cpuTime()
        _ = try await server.terminate()
        return WriteThroughput(tally, serverCPU: cpuAfter.flatMap { after in cpuBefore.map { after - $0 } })
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

    /// Calls `rpc` on `client` from `streams` concurrent loops for `duration`, each call at most 10 s; one latency per
    /// call, and the CPU time `server` spent meanwhile.
    static func measure(
        _ rpc: BenchmarkRPC,
        on client: GRPCClient<HTTP2ClientTransport.Posix>,
        server: ServerUnderTest,
        streams: Int,
        for duration: Duration
    ) async throws -> PhaseFigures {
        let cpuBefore = server.cpuTime()
        let start = ContinuousClock.now
        let deadline = start + duration
        let latencies = try await withThrowingTaskGroup(of: [Duration].self) { group in
            for _ in 0..<streams {
                group.addTask {
                    var latencies: [Duration] = []
                    while ContinuousClock.now < deadline {
                        let callStart = ContinuousClock.now
                        try await rpc.call(on: client)
                        latencies.append(ContinuousClock.now - callStart)
                    }
                    return latencies
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        let elapsed = ContinuousClock.now - start
        let cpuAfter = server.cpuTime()
        return PhaseFigures(
            sample: LatencySample(latencies: latencies, elapsed: elapsed),
            serverCPU: cpuAfter.flatMap { after in cpuBefore.map { after - $0 } }
        )
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

    /// Polls the server's /health every 10 ms until it answers 200 (with `databaseReachable` false: until it says gRPC
    /// listens, which it answers 503), for at most 15 s or until the server ends; returns the time from its launch. The
    /// failure carries the server's last lines (not its environment, which holds the database password).
    @discardableResult
    static func waitUntilHealthy(_ server: ServerUnderTest, databaseReachable: Bool = true) async throws -> Duration {
        let deadline = ContinuousClock.now + .seconds(15)
        let url = "http://127.0.0.1:\(server.healthPort)/health"
        while ContinuousClock.now < deadline, server.process.isRunning {
            if let response = try? await HTTPClient.shared.execute(HTTPClientRequest(url: url), timeout: .seconds(1)) {
                if response.status == .ok { return ContinuousClock.now - server.launched }
                if !databaseReachable, let body = try? await response.body.collect(upTo: 1 << 16),
                    (try? JSONDecoder().decode(HealthAnswer.self, from: Data(body.readableBytesView)))?.grpcListening == true
                {
                    return ContinuousClock.now - server.launched
                }
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        let ending = server.process.exit.map { "it ended with \($0)" } ?? "it still runs"
        let lines = (server.process.stdoutLines + server.process.stderrLines).suffix(20)
        throw BenchmarkFailure(
            message: "the server did not become \(databaseReachable ? "healthy (is DATABASE_URL reachable?)" : "ready") within 15 s; \(ending). "
                + "Its last lines:\n" + lines.joined(separator: "\n")
        )
    }
}
