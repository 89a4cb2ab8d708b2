import AsyncHTTPClient
import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import OracleAPI
import Synchronization

/// `oracle-benchmark`: measures the release Oracle on this machine and prints the figures.
///
/// Usage: oracle-benchmark --server PATH --database-url URL [--duration SECONDS]
@main
struct BenchmarkMain {
    static func main() async throws {
        let options = try BenchmarkOptions(arguments: Array(CommandLine.arguments.dropFirst()))
        let server = try ServerUnderTest(
            binary: options.server,
            databaseURL: options.databaseURL,
            grpcPort: options.grpcPort,
            healthPort: options.healthPort,
            core: 0
        )
        try await waitUntilHealthy(port: options.healthPort)
        try await Task.sleep(for: .seconds(1))
        let idleRSS = server.residentMegabytes()

        let transport = try HTTP2ClientTransport.Posix(
            target: .ipv4(address: "127.0.0.1", port: options.grpcPort),
            transportSecurity: .plaintext
        )
        let (single, concurrent, health, loadedRSS) = try await withGRPCClient(transport: transport) { client in
            let oracle = Nps_Oracle_OracleService.Client(wrapping: client)
            _ = try await measure(oracle, streams: 1, for: .seconds(1))
            let single = try await measure(oracle, streams: 1, for: options.duration)
            let healthTask = Task { try await healthLatencies(port: options.healthPort, for: options.duration) }
            let concurrent = try await measure(oracle, streams: 16, for: options.duration)
            let loadedRSS = server.residentMegabytes()
            return (single, concurrent, try await healthTask.value, loadedRSS)
        }
        let exit = server.terminate()

        let rows: [(String, String, String)] = [
            ("GetReading p50, 1 stream", format(single.percentile(0.5).milliseconds, "ms"), ""),
            ("GetReading p99, 1 stream", format(single.percentile(0.99).milliseconds, "ms"), "≤ 1 ms"),
            ("GetReading throughput, 1 stream", format(single.throughput, "calls/s"), ""),
            ("GetReading p50, 16 streams", format(concurrent.percentile(0.5).milliseconds, "ms"), ""),
            ("GetReading p99, 16 streams", format(concurrent.percentile(0.99).milliseconds, "ms"), ""),
            ("GetReading throughput, 16 streams (server on 1 core)", format(concurrent.throughput, "calls/s"), "≥ 5,000 calls/s"),
            ("/health p99 under 16-stream load", format(health.percentile(0.99).milliseconds, "ms"), "≤ 2 ms"),
            ("RSS idle", format(idleRSS, "MiB"), "≤ 40 MB"),
            ("RSS after 16-stream load", format(loadedRSS, "MiB"), ""),
            ("SIGTERM to exit (status \(exit.status))", format(exit.elapsed.milliseconds, "ms"), "≤ 1 s"),
        ]
        print("nps-oracle benchmark: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(options.duration) per phase")
        let width = rows.map(\.0.count).max() ?? 0
        for (name, value, goal) in rows {
            print(name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + value.padding(toLength: 18, withPad: " ", startingAt: 0) + goal)
        }
    }

    /// Calls GetReading from `streams` concurrent loops for `duration`; one latency per call.
    static func measure(
        _ oracle: Nps_Oracle_OracleService.Client<HTTP2ClientTransport.Posix>,
        streams: Int,
        for duration: Duration
    ) async throws -> LatencySample {
        let start = ContinuousClock.now
        let deadline = start + duration
        let request = Nps_Oracle_ReadingRequest.with { $0.datetime = "2026-02-06T01:15:00+08:00" }
        let latencies = try await withThrowingTaskGroup(of: [Duration].self) { group in
            for _ in 0..<streams {
                group.addTask {
                    var latencies: [Duration] = []
                    while ContinuousClock.now < deadline {
                        let callStart = ContinuousClock.now
                        _ = try await oracle.getReading(request)
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

    /// Polls /health until it answers 200, for at most 15 s.
    static func waitUntilHealthy(port: Int) async throws {
        let deadline = ContinuousClock.now + .seconds(15)
        while ContinuousClock.now < deadline {
            if let response = try? await HTTPClient.shared.execute(HTTPClientRequest(url: "http://127.0.0.1:\(port)/health"), timeout: .seconds(1)),
                response.status == .ok
            {
                return
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw BenchmarkOptions.Failure(message: "the server did not become healthy within 15 s (is DATABASE_URL reachable?)")
    }

    static func format(_ value: Double, _ unit: String) -> String {
        (value >= 100 ? String(format: "%.0f", value) : String(format: "%.3f", value)) + " " + unit
    }
}
