import AsyncHTTPClient
import Foundation
import ProcessRunning

/// The spool replay phase: records spooled by one server, stored by the next one on the same spool.
extension BenchmarkRun {
    /// Spools `SpoolReplay.records(for:)` SuggestRange records with a server whose database is unreachable, on the
    /// benchmark's ports plus `portOffset`, and stops it with SIGTERM, keeping its spool; starts a server on the same
    /// ports (hence the same spool) with the real database, times it from its process start until /health says
    /// `pending: 0`, stops it, and counts the rows stored under the records' keys.
    func spoolReplay(portOffset: Int) async throws -> SpoolReplay {
        let grpcPort = options.grpcPort + portOffset
        let healthPort = options.healthPort + portOffset
        let keyPrefix = Self.freshKeyPrefix("replay")
        var replay = SpoolReplay()

        let spooling = try ServerUnderTest(
            binary: options.server,
            databaseURL: Self.unreachableDatabaseURL,
            grpcPort: grpcPort,
            healthPort: healthPort,
            core: 0
        )
        try await Self.waitUntilHealthy(spooling, databaseReachable: false)
        let tally = try await Self.suggestRanges(
            to: spooling,
            calls: SpoolReplay.records(for: options.duration),
            keyPrefix: keyPrefix,
            budget: SpoolReplay.fillBudget
        )
        replay.records = tally.outcome.ok
        replay.unacknowledged = WriteThroughput(tally).failures
        replay.spooled = await Self.health(port: healthPort)?.pending
        _ = try await spooling.terminate(keepingSpool: true)

        // From before the launch, so the figure includes reading the spool at start, as a real restart would.
        let start = ContinuousClock.now
        let storing = try ServerUnderTest(
            binary: options.server,
            databaseURL: options.databaseURL,
            grpcPort: grpcPort,
            healthPort: healthPort,
            core: 0
        )
        while ContinuousClock.now - start < SpoolReplay.drainBound, storing.process.isRunning {
            if let pending = await Self.health(port: healthPort)?.pending {
                replay.lastPending = pending
                if pending == 0 {
                    replay.drained = ContinuousClock.now - start
                    break
                }
            }
            try await Task.sleep(for: SpoolReplay.pollInterval)
        }
        _ = try await storing.terminate()
        replay.stored = await Self.storedSuggestions(keyPrefix: keyPrefix, databaseURL: options.databaseURL)
        return replay
    }

    /// The server's /health body whatever its status (503 while its database is away); nil when it does not answer.
    static func health(port: Int) async -> HealthAnswer? {
        let request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/health")
        guard let response = try? await HTTPClient.shared.execute(request, timeout: .seconds(1)),
            let body = try? await response.body.collect(upTo: 1 << 16)
        else { return nil }
        return try? JSONDecoder().decode(HealthAnswer.self, from: Data(body.readableBytesView))
    }

    /// How many rows of oracle_suggestions have a `record_key` starting with `<keyPrefix>-`, as psql counts them.
    static func storedSuggestions(keyPrefix: String, databaseURL: String) async -> Result<Int, BenchmarkFailure> {
        // The prefix is freshKeyPrefix's letters, digits and dashes: nothing to quote, no LIKE wildcard.
        let sql = "SELECT count(*) FROM oracle_suggestions WHERE record_key LIKE '\(keyPrefix)-%'"
        let command = Command(
            executable: URL(fileURLWithPath: "/usr/bin/env"),
            arguments: ["psql", databaseURL, "-v", "ON_ERROR_STOP=1", "-Atc", sql]
        )
        do {
            let result = try await CommandRunner().capture(command, timeout: .seconds(30))
            guard result.succeeded, let rows = Int(result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)) else {
                // Its standard error only: the transcript's command line holds the database password.
                let said = result.standardError.trimmingCharacters(in: .whitespacesAndNewlines)
                return .failure(BenchmarkFailure(message: "psql ended with \(result.ending): \(said)"))
            }
            return .success(rows)
        } catch {
            return .failure(BenchmarkFailure(message: "psql could not be started: \(error)"))
        }
    }
}
