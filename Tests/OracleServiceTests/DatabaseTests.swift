import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import OracleAPI
import ServiceTesting
import Synchronization
import TestPostgres
import Testing

@testable import OracleService

/// What the Oracle stores in PostgreSQL, and how it lives through the database going away and coming back.
@Suite("PostgreSQL: stored records and reconnection")
struct DatabaseTests {
    /// The master password `RunningOracle.configuration` uses.
    static let masterPassword = "test-master-password"

    /// Runs `body` holding an exclusive lock that every test run on this machine takes before stopping the
    /// disposable database, so two test processes (two checkouts, two engineers) never stop it under each other.
    static func holdingDisposableDatabase<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        let path = TestDatabase.disposable.directory + ".test-lock"
        let descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw RunningOracleError(message: "cannot open \(path): errno \(errno)") }
        defer { close(descriptor) }
        _ = try await offPool { flock(descriptor, LOCK_EX) }
        defer { flock(descriptor, LOCK_UN) }
        return try await body()
    }

    /// SQL string literal of `text`.
    static func literal(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }

    /// The number of rows `sql` (a `SELECT count(*) …`) counts in `database`.
    static func count(_ database: TestDatabase, _ sql: String) async throws -> Int {
        let output = try await database.query(sql)
        guard let number = Int(output) else { throw RunningOracleError(message: "not a count: \(output)") }
        return number
    }

    /// How many `oracle_suggestions` rows hold exactly this suggestion.
    static func suggestionRows(_ database: TestDatabase, _ range: Nps_Oracle_RangeResponse) async throws -> Int {
        try await count(
            database,
            """
            SELECT count(*) FROM oracle_suggestions WHERE suggestion_type = 'range'
              AND suggestion->>'range_start' = \(literal(range.rangeStart))
              AND suggestion->>'range_end' = \(literal(range.rangeEnd))
              AND suggestion->>'reasoning' = \(literal(range.reasoning))
            """
        )
    }

    // MARK: records

    @Test("Every SuggestRange lands as a row of oracle_suggestions with the suggestion as JSON")
    func suggestionIsStored() async throws {
        let url = try await TestDatabase.shared.start()
        let range = try await RunningOracle.with(try RunningOracle.configuration(databaseURL: url)) { oracle in
            let range = try await oracle.withOracle { client in
                try await client.suggestRange(
                    .with {
                        $0.puzzleNumber = 150
                        $0.aiLevel = 1
                        $0.scannedRanges = ["0x1-0x2"]
                    }
                )
            }
            let stored = try await eventually(within: .seconds(5)) { try await Self.suggestionRows(.shared, range) >= 1 }
            #expect(stored, "no oracle_suggestions row for \(range.rangeStart) within 5 s")
            return range
        }
        let json = try await TestDatabase.shared.query(
            """
            SELECT suggestion FROM oracle_suggestions
            WHERE suggestion->>'range_start' = \(Self.literal(range.rangeStart)) AND suggestion->>'reasoning' = \(Self.literal(range.reasoning))
            ORDER BY id DESC LIMIT 1
            """
        )
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any], "\(json)")
        #expect(object["puzzle_number"] as? Int == 150)
        #expect(object["range_start"] as? String == range.rangeStart)
        #expect(object["range_end"] as? String == range.rangeEnd)
        #expect(object["strategy"] as? String == range.strategy)
        #expect(object["confidence"] as? Double == range.confidence)
        #expect(object["reasoning"] as? String == range.reasoning)
        #expect(object["ai_level"] as? Int == 1)
        #expect(object["scanned_range_count"] as? Int == 1)
        let accepted = try await TestDatabase.shared.query(
            """
            SELECT accepted, session_id IS NULL, created_at > now() - interval '1 minute' FROM oracle_suggestions
            WHERE suggestion->>'reasoning' = \(Self.literal(range.reasoning)) AND suggestion->>'range_start' = \(Self.literal(range.rangeStart))
            ORDER BY id DESC LIMIT 1
            """
        )
        #expect(accepted == "f|t|t")
    }

    @Test("AnalyzeSession stores each insight in insights, encrypted (v1:…), decrypting to the returned text")
    func insightsAreStoredEncrypted() async throws {
        let url = try await TestDatabase.shared.start()
        let sessionID = "db-test-\(UUID().uuidString)"
        let analysis = try await RunningOracle.with(try RunningOracle.configuration(databaseURL: url)) { oracle in
            let analysis = try await oracle.withOracle { client in
                try await client.analyzeSession(
                    .with {
                        $0.sessionID = sessionID
                        $0.keysTested = 2_000_000
                        $0.hits = 2
                        $0.speed = 5000
                        $0.elapsed = 30
                        $0.mode = "sequential"
                    }
                )
            }
            let stored = try await eventually(within: .seconds(5)) {
                try await Self.count(.shared, "SELECT count(*) FROM insights WHERE session_id = \(Self.literal(sessionID))")
                    >= analysis.insights.count
            }
            #expect(stored, "insights of \(sessionID) not stored within 5 s")
            return analysis
        }
        #expect(analysis.insights.count == 2)
        let rows = try await TestDatabase.shared.query(
            "SELECT insight_type || '|' || source || '|' || content FROM insights WHERE session_id = \(Self.literal(sessionID)) ORDER BY id"
        ).split(separator: "\n").map(String.init)
        #expect(rows.count == analysis.insights.count)
        let cipher = InsightCipher(masterPassword: Self.masterPassword)
        var decrypted: [String] = []
        for row in rows {
            let parts = row.split(separator: "|", maxSplits: 2).map(String.init)
            try #require(parts.count == 3, "\(row)")
            #expect(parts[0] == "session")
            #expect(parts[1] == "rules")
            let content = parts[2]
            #expect(content.hasPrefix("v1:"))
            #expect(!analysis.insights.contains(content))
            #expect(!analysis.insights.contains { content.contains($0) })
            decrypted.append(try cipher.open(content))
        }
        #expect(decrypted == analysis.insights)
        #expect(throws: InsightCipher.Failure.self) {
            try InsightCipher(masterPassword: "another-password").open(rows[0].split(separator: "|", maxSplits: 2).map(String.init)[2])
        }
    }

    // MARK: the database away and back

    @Test(
        "Database stopped and started: /health 503 unreachable within seconds (each answer < 2 s), readings and suggestions go on, 200 and a second \"Connected to database\" after, nothing lost"
    )
    func reconnect() async throws {
        try await Self.holdingDisposableDatabase {
            do {
                try await reconnectHoldingTheLock()
            } catch {
                // Left running for the next run, whatever step failed.
                _ = try? await TestDatabase.disposable.start()
                throw error
            }
        }
    }

    private func reconnectHoldingTheLock() async throws {
        let database = TestDatabase.disposable
        let url = try await database.start()
        let logs = CapturedLogs()
        let connected: @Sendable () -> Int = { logs.messages.filter { $0 == "Connected to database" }.count }

        try await RunningOracle.with(try RunningOracle.configuration(databaseURL: url), logs: logs) { oracle in
            // Measures one /health answer; every one must come within 2 s.
            let slowest = Mutex<Duration>(.zero)
            let health: @Sendable () async throws -> (status: Int, body: [String: Any]) = {
                let started = ContinuousClock.now
                let answer = try await oracle.health()
                let took = ContinuousClock.now - started
                slowest.withLock { $0 = max($0, took) }
                return answer
            }
            let checks: @Sendable ([String: Any]) -> [String: String] = { $0["checks"] as? [String: String] ?? [:] }

            // Up: healthy, connected once.
            #expect(try await eventually(within: .seconds(5)) { try await health().status == 200 })
            let up = try await health()
            #expect(up.body["status"] as? String == "healthy")
            #expect(checks(up.body)["database"] == "connected")
            #expect(connected() == 1, "\(logs.messages)")

            // Down.
            let stoppedAt = ContinuousClock.now
            try await database.stop()
            let sawUnhealthy = try await eventually(within: .seconds(5)) { try await health().status == 503 }
            let detected = ContinuousClock.now - stoppedAt
            #expect(sawUnhealthy, "/health still 200 \(detected) after the database stopped")
            let down = try await health()
            #expect(down.status == 503)
            #expect(down.body["status"] as? String == "unhealthy")
            #expect(checks(down.body)["database"] == "unreachable")
            #expect(checks(down.body)["grpc"] == "listening")
            #expect(logs.messages.contains("Database unreachable; readings go on, writes wait"))

            // Readings and suggestions go on while it is away.
            let whileDown = try await oracle.withOracle { client in
                let reading = try await client.getReading(.with { $0.datetime = "2026-02-06T01:15:00+08:00" })
                #expect(reading.fc60.cycle == 58)
                let health = try await client.healthCheck(.init())
                #expect(health.status == "unhealthy")
                #expect(health.checks["database"] == "unreachable")
                return try await client.suggestRange(
                    .with {
                        $0.puzzleNumber = 100
                        $0.aiLevel = 2
                    }
                )
            }
            for _ in 0..<5 { #expect(try await health().status == 503) }

            // Back: healthy again without a restart, connected logged a second time, the suggestion stored.
            _ = try await database.start()
            let backAt = ContinuousClock.now
            let healthyAgain = try await eventually(within: .seconds(15)) { try await health().status == 200 }
            let recovered = ContinuousClock.now - backAt
            #expect(healthyAgain, "/health not 200 \(recovered) after the database returned; logs:\n\(logs.fullText)")
            #expect(checks(try await health().body)["database"] == "connected")
            #expect(connected() == 2, "\(logs.messages)")
            let stored = try await eventually(within: .seconds(10)) { try await Self.suggestionRows(database, whileDown) == 1 }
            #expect(stored, "the suggestion made while the database was down was not stored; logs:\n\(logs.fullText)")

            let worst = slowest.withLock { $0 }
            #expect(worst < .seconds(2), "slowest /health answer took \(worst)")
            print("reconnect: unhealthy detected after \(detected), healthy again \(recovered) after restart, slowest /health \(worst)")
        }
    }

    @Test("Started with the database unreachable: readings are served and /health answers 503 in < 2 s")
    func startsWithoutDatabase() async throws {
        let logs = CapturedLogs()
        try await RunningOracle.with(
            try RunningOracle.configuration(databaseURL: "postgres://nps:secret-pw@127.0.0.1:1/nps?sslmode=disable"),
            logs: logs
        ) { oracle in
            let requested = ContinuousClock.now
            let health = try await oracle.health()
            let answeredIn = ContinuousClock.now - requested
            #expect(health.status == 503)
            #expect(health.body["status"] as? String == "unhealthy")
            #expect((health.body["checks"] as? [String: String])?["database"] == "unreachable")
            #expect(answeredIn < .seconds(2), "/health took \(answeredIn)")

            let reading = try await oracle.withOracle { try await $0.getNameReading(.with { $0.name = "Ada Lovelace" }) }
            #expect(reading.destinyNumber == 9)
            let range = try await oracle.withOracle { try await $0.suggestRange(.with { $0.puzzleNumber = 1 }) }
            #expect(range.rangeStart == "0x1")

            // Still unhealthy after the monitor's first probes, and still answering quickly.
            try await Task.sleep(for: .seconds(2))
            let later = ContinuousClock.now
            #expect(try await oracle.health().status == 503)
            #expect(ContinuousClock.now - later < .seconds(2))
        }
        #expect(!logs.messages.contains("Connected to database"))
        #expect(!logs.fullText.contains("secret-pw"))
    }

    @Test("A wrong database password is logged once, with the server's reason (SQLSTATE 28P01), not once a probe")
    func wrongPasswordReason() async throws {
        let url = try await TestDatabase.shared.start()
        let wrong = url.replacingOccurrences(of: "nps:nps-test@", with: "nps:not-the-password@")
        try #require(wrong != url, "the test database URL changed shape: \(url)")
        let logs = CapturedLogs()
        try await RunningOracle.with(try RunningOracle.configuration(databaseURL: wrong), logs: logs) { oracle in
            // Several probes, one second apart, all refused for the same reason.
            try await Task.sleep(for: .seconds(3))
            #expect(try await oracle.health().status == 503)
        }
        let reasons = logs.all.filter { $0.message == "Database unreachable; readings go on, writes wait" }.map { $0.metadata["reason"] ?? "" }
        // A loaded machine may first see a probe time out ("no answer"), a change of reason worth its own line;
        // the server's reason itself is logged once, however many probes it refused.
        let refusals = reasons.filter { $0.contains("SQLSTATE 28P01") }
        #expect(refusals.count == 1, "\(reasons)")
        #expect(refusals.first?.contains("password authentication failed") == true, "\(reasons)")
        #expect(zip(reasons, reasons.dropFirst()).allSatisfy { $0 != $1 }, "a reason repeated: \(reasons)")
        #expect(!logs.fullText.contains("not-the-password"))
    }
}
