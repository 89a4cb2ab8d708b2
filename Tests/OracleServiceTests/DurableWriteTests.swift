import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import OracleAPI
import ProcessRunning
import ServiceTesting
import TestPostgres
import Testing

@testable import OracleService

/// The write path against the test PostgreSQL: nothing acknowledged is lost across a crash or a shutdown, a record
/// the database refuses for good never blocks the others, a retried write is stored once, a full spool refuses.
@Suite("Durable writes: spool, idempotency keys, poison records, back-pressure")
struct DurableWriteTests {
    /// A database URL nothing listens on: every write waits in the spool.
    static let unreachableDatabase = "postgres://nps:secret@127.0.0.1:1/nps?sslmode=disable"

    /// A key prefix no other test or run uses.
    static func prefix(_ test: String) -> String { "\(test)-\(UUID().uuidString.prefix(8))" }

    /// SuggestRange under `idempotency-key: key`.
    @discardableResult
    static func suggest(
        _ oracle: Nps_Oracle_OracleService.Client<HTTP2ClientTransport.Posix>,
        key: String
    ) async throws -> Nps_Oracle_RangeResponse {
        try await oracle.suggestRange(.with { $0.puzzleNumber = 66 }, metadata: ["idempotency-key": .string(key)])
    }

    /// Rows and distinct keys of `table` whose `record_key` starts with `prefix`.
    static func rows(_ table: String, prefix: String) async throws -> (rows: Int, keys: Int) {
        let pattern = DatabaseTests.literal(prefix + "%")
        let rows = try await DatabaseTests.count(.shared, "SELECT count(*) FROM \(table) WHERE record_key LIKE \(pattern)")
        let keys = try await DatabaseTests.count(.shared, "SELECT count(DISTINCT record_key) FROM \(table) WHERE record_key LIKE \(pattern)")
        return (rows, keys)
    }

    @Test("A record the database refuses for good is set aside with one ERROR line naming the table and reason; the next 100 are stored within 5 s")
    func poisonRecordSetAside() async throws {
        var configuration = try RunningOracle.configuration(databaseURL: try await TestDatabase.shared.start())
        // A record acknowledged before validation refused NULs: PostgreSQL's text cannot hold one (SQLSTATE 22021).
        let poison = SpooledRecord(
            key: Self.prefix("poison"),
            record: .insight(type: "session", sealedContent: "v1:x", source: "rules", sessionID: "bad\u{0}id")
        )
        configuration.spool.maxRecords = 1000
        try FileManager.default.createDirectory(atPath: configuration.spool.directory, withIntermediateDirectories: true)
        try Data(try poison.line()).write(to: URL(fileURLWithPath: configuration.spool.segmentPath(1)))

        let prefix = Self.prefix("after-poison")
        let logs = CapturedLogs()
        try await RunningOracle.with(configuration, logs: logs) { oracle in
            let started = ContinuousClock.now
            try await oracle.withOracle { client in
                for index in 1...100 { try await Self.suggest(client, key: "\(prefix)-\(index)") }
            }
            let stored = try await eventually(within: .seconds(5)) { try await Self.rows("oracle_suggestions", prefix: prefix).rows == 100 }
            let rows = try await Self.rows("oracle_suggestions", prefix: prefix)
            #expect(stored, "after \(ContinuousClock.now - started): \(rows) of 100 stored\n\(logs.fullText)")
            let (_, body) = try await oracle.health()
            #expect(body["set_aside"] as? Int == 1 && body["pending"] as? Int == 0, "/health: \(body)")
        }
        let errors = logs.all.filter { $0.level == .error }
        #expect(errors.count == 1, "\(logs.fullText)")
        #expect(errors.first?.message == "Record set aside: the database refuses it for good")
        #expect(errors.first?.metadata["table"] == "insights")
        #expect(errors.first?.metadata["reason"]?.contains("22021") == true, "\(errors.first?.metadata ?? [:])")
        #expect(try await Self.rows("insights", prefix: poison.key).rows == 0)
    }

    @Test("A call retried under the same idempotency-key is stored once: one suggestion row, one set of insight rows")
    func retriedCallStoredOnce() async throws {
        let key = Self.prefix("retried")
        let session = Nps_Oracle_SessionData.with {
            $0.keysTested = 1_000_000
            $0.speed = 5000
            $0.elapsed = 200
            $0.sessionID = "retried-session"
        }
        let insights = try await RunningOracle.with(try RunningOracle.configuration(databaseURL: try await TestDatabase.shared.start())) { oracle in
            try await oracle.withOracle { client in
                for _ in 1...3 { try await Self.suggest(client, key: key) }
                var insights = 0
                for _ in 1...3 {
                    insights = try await client.analyzeSession(session, metadata: ["idempotency-key": .string(key + "-analysis")]).insights.count
                }
                let expected = insights
                _ = try await eventually(within: .seconds(5)) { try await Self.rows("insights", prefix: key + "-analysis").rows >= expected }
                // Give the duplicate writes time to land, if they were going to.
                try await Task.sleep(for: .milliseconds(500))
                return insights
            }
        }
        #expect(try await Self.rows("oracle_suggestions", prefix: key) == (1, 1))
        #expect(try await Self.rows("insights", prefix: key + "-analysis") == (insights, insights))
    }

    @Test("SIGKILL with every record still unwritten (database away): the next start replays the spool, each record stored exactly once")
    func replayAfterKill() async throws {
        let prefix = Self.prefix("killed")
        let first = try OracleProcess(databaseURL: Self.unreachableDatabase)
        try await first.waitUntilReady()
        try await first.withOracle { client in
            for index in 1...50 { try await Self.suggest(client, key: "\(prefix)-\(index)") }
        }
        let (_, before) = try await first.health()
        #expect(before["pending"] as? Int == 50, "/health before the kill: \(before)")
        // The first write gives up after the writer's statement timeout; retries after it log nothing more.
        try await first.waitForMessage(within: .seconds(15)) { $0.hasPrefix("Write backlog started") }
        try await Task.sleep(for: .seconds(3))
        _ = try await first.terminate(signal: SIGKILL)
        #expect(first.messages.filter { $0.hasPrefix("Write backlog started") }.count == 1, "\(first.transcript)")

        let second = try OracleProcess(databaseURL: try await TestDatabase.shared.start(), logDirectory: first.logDirectory)
        try await second.waitUntilReady()
        let stored = try await eventually(within: .seconds(10)) { try await Self.rows("oracle_suggestions", prefix: prefix).rows >= 50 }
        #expect(stored, "\(second.transcript)")
        try await second.waitForMessage(within: .seconds(5)) { $0.hasPrefix("Write backlog drained") }
        #expect(try await Self.rows("oracle_suggestions", prefix: prefix) == (50, 50))
        #expect(second.messages.contains { $0.hasPrefix("Spool holds records from before the restart") }, "\(second.transcript)")
        _ = try await second.terminate()
    }

    @Test("SIGTERM with a backlog: exit 0 within 10 s, and every unwritten record stays in the spool for the next start")
    func shutdownKeepsBacklog() async throws {
        let oracle = try OracleProcess(databaseURL: Self.unreachableDatabase)
        try await oracle.waitUntilReady()
        try await oracle.withOracle { client in
            for index in 1...20 { try await Self.suggest(client, key: Self.prefix("term-\(index)")) }
        }
        let termination = try await oracle.terminate(signal: SIGTERM, within: .seconds(10))
        #expect(termination.exit.status == 0 && !termination.exit.signalled, "\(termination)\n\(oracle.transcript)")
        #expect(oracle.messages.contains { $0.hasPrefix("Stopping with records in the spool") }, "\(oracle.transcript)")
        var configuration = RecordSpool.Configuration()
        configuration.directory = oracle.logDirectory.file("spool")
        #expect(try RecordSpool(configuration: configuration, logger: CapturedLogs().logger()).backlog.pending == 20)
    }

    @Test("A full spool answers UNAVAILABLE naming the bound, never OK then a drop; /health counts what waits")
    func fullSpoolRefuses() async throws {
        var configuration = try RunningOracle.configuration(databaseURL: Self.unreachableDatabase)
        configuration.spool.maxRecords = 10
        try await RunningOracle.with(configuration) { oracle in
            try await oracle.withOracle { client in
                for index in 1...10 { try await Self.suggest(client, key: "full-\(index)") }
                do {
                    try await Self.suggest(client, key: "full-11")
                    Issue.record("the 11th write was acknowledged past NPS_SPOOL_MAX_RECORDS=10")
                } catch let error as RPCError {
                    #expect(error.code == .unavailable)
                    #expect(error.message.hasPrefix("writes: the write backlog is full (10 records"), "\(error.message)")
                }
            }
            let (status, body) = try await oracle.health()
            #expect(status == 503 && body["pending"] as? Int == 10 && body["set_aside"] as? Int == 0, "/health: \(status) \(body)")
        }
    }
}
