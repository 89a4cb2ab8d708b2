import CheckpointRules
import Foundation
import StackHarness
import Testing

/// The Integrity rules (INT.*) on write runs and the rows they left, including what the broken writers the
/// requirements guard against leave behind: one that keeps records only in memory, one that drops silently when
/// full, one without idempotency keys.
@Suite("Integrity rules (INT.*) on write runs and stored rows")
struct IntegrityRules {
    /// A write report of `calls` calls, keys `p-0` …, of which `refused` (the last ones) failed with `status`.
    static func writes(calls: Int = 10, refused: Int = 0, status: String = "unavailable", message: String = "") throws -> OracleWriteReport {
        let acknowledged = (0..<(calls - refused)).map { "\"p-\($0)\"" }.joined(separator: ",")
        let suggestions = (0..<(calls - refused)).filter { $0 % 2 == 0 }.count
        let statuses = refused > 0 ? #"{"\#(status)":\#(refused)}"# : "{}"
        let messages = refused > 0 ? #"{"\#(status)":"\#(message)"}"# : "{}"
        let json = """
            {"requested":\(calls),"ok":\(calls - refused),"errors":\(refused),"concurrency":4,
             "acknowledged_suggestions":\(suggestions),"acknowledged_analyses":\(calls - refused - suggestions),
             "acknowledged_keys":[\(acknowledged)],"statuses":\(statuses),"messages":\(messages),
             "wall_seconds":1.0,"calls_per_second":10.0,"p50_ms":1.0,"p99_ms":2.0,"first_error":null}
            """
        return try JSONDecoder().decode(OracleWriteReport.self, from: Data(json.utf8))
    }

    /// The rows a correct writer leaves for keys `p-0` … `p-(count-1)`: even keys a suggestion, odd keys a session of
    /// two insights; `dropping` keys left out, `twice` keys stored a second time (under a new record key, as a writer
    /// without idempotency keys would).
    static func stored(count: Int = 10, dropping: Set<Int> = [], twice: Set<Int> = []) -> StoredWrites {
        var suggestions: [String] = []
        var insights: [String] = []
        for index in 0..<count where !dropping.contains(index) {
            let copies = twice.contains(index) ? 2 : 1
            for copy in 0..<copies {
                if index % 2 == 0 {
                    suggestions.append("p-\(index)")
                } else {
                    insights += (1...2).map { "p-\(index)|p-\(index)/\($0)\(copy == 0 ? "" : "-retry")" }
                }
            }
        }
        return StoredWrites(suggestionKeys: suggestions.joined(separator: "\n"), insightPairs: insights.joined(separator: "\n"))
    }

    @Test("INT.outage holds when every acknowledged call is stored once, within the limit, without a restart")
    func exactlyOnceHolds() throws {
        let outcome = IntegrityChecks.exactlyOnce(
            Requirements.intOutage,
            writes: try Self.writes(),
            stored: Self.stored(),
            drained: .seconds(3),
            within: .seconds(15),
            restarted: false
        )
        #expect(outcome.passed, "\(outcome.reason)")
        #expect(outcome.measured.contains("10 acknowledged (5 SuggestRange, 5 AnalyzeSession)"), "\(outcome.measured)")
    }

    @Test("A writer that keeps records only in memory fails INT.crash: the acknowledged records of before the kill are gone")
    func memoryOnlyWriterFails() throws {
        let outcome = IntegrityChecks.exactlyOnce(
            Requirements.intCrash,
            writes: try Self.writes(),
            stored: Self.stored(dropping: Set(0..<6)),
            drained: nil,
            within: nil,
            restarted: nil
        )
        #expect(!outcome.passed)
        #expect(outcome.reason.contains("6 acknowledged calls have no row (lost)"), "\(outcome.reason)")
    }

    @Test("A writer without idempotency keys fails INT.once: a retried write is stored twice")
    func writerWithoutKeysFails() throws {
        let outcome = IntegrityChecks.exactlyOnce(
            Requirements.intOnce,
            writes: try Self.writes(),
            stored: Self.stored(twice: [2, 3]),
            drained: nil,
            within: nil,
            restarted: nil
        )
        #expect(!outcome.passed)
        #expect(outcome.reason.contains("1 suggestions stored more than once"), "\(outcome.reason)")
        #expect(outcome.reason.contains("sessions hold different numbers of insight rows"), "\(outcome.reason)")
    }

    @Test("INT.outage fails when the backlog drains too late, or the Oracle was restarted")
    func lateOrRestartedFails() throws {
        let late = IntegrityChecks.exactlyOnce(
            Requirements.intOutage,
            writes: try Self.writes(),
            stored: Self.stored(),
            drained: .seconds(16),
            within: .seconds(15),
            restarted: false
        )
        #expect(!late.passed && late.reason.contains("not ≤ 15 s"), "\(late.reason)")
        let restarted = IntegrityChecks.exactlyOnce(
            Requirements.intOutage,
            writes: try Self.writes(),
            stored: Self.stored(),
            drained: .seconds(1),
            within: .seconds(15),
            restarted: true
        )
        #expect(!restarted.passed && restarted.reason == "the Oracle was restarted")
    }

    @Test("Rows of calls whose outcome is unknown are allowed; rows of calls refused for sure are not")
    func unknownOutcomes() throws {
        let stored = Self.stored()
        let unknown = IntegrityChecks.exactlyOnce(
            Requirements.intCrash,
            writes: try Self.writes(refused: 2, status: "unavailable"),
            stored: stored,
            drained: nil,
            within: nil,
            restarted: nil
        )
        #expect(unknown.passed, "\(unknown.reason)")
        let refused = IntegrityChecks.exactlyOnce(
            Requirements.intCrash,
            writes: try Self.writes(refused: 2, status: "invalid_argument"),
            stored: stored,
            drained: nil,
            within: nil,
            restarted: nil
        )
        #expect(!refused.passed && refused.reason.contains("2 keys stored that were never acknowledged"), "\(refused.reason)")
    }

    @Test("INT.backpressure holds for refusals that say the backlog is full, with /health counting what waits")
    func backpressureHolds() throws {
        let writes = try Self.writes(refused: 4, message: "UNAVAILABLE: writes: the write backlog is full (6 records…)")
        let outcome = IntegrityChecks.backpressure(
            bound: "NPS_SPOOL_MAX_RECORDS=6",
            writes: writes,
            pendingReported: 6,
            stored: Self.stored(count: 6)
        )
        #expect(outcome.passed, "\(outcome.reason)")
    }

    @Test("A writer that drops silently when full fails INT.backpressure: every call OK, rows missing, no refusal")
    func silentDropFails() throws {
        let outcome = IntegrityChecks.backpressure(
            bound: "NPS_SPOOL_MAX_RECORDS=6",
            writes: try Self.writes(),
            pendingReported: 6,
            stored: Self.stored(dropping: Set(6..<10))
        )
        #expect(!outcome.passed)
        #expect(outcome.reason.contains("no write was refused"), "\(outcome.reason)")
        #expect(outcome.reason.contains("4 acknowledged writes were not stored (OK, then dropped)"), "\(outcome.reason)")
        #expect(outcome.reason.contains("/health reported 6 pending records, not the 10 acknowledged"), "\(outcome.reason)")
    }

    /// An ERROR line as the Oracle writes it when it sets a record aside.
    static func setAsideLine(
        table: String = "insights",
        reason: String = "invalid byte sequence for encoding \\\"UTF8\\\": 0x00 (SQLSTATE 22021)"
    ) -> JSONLogLine {
        let text =
            #"{"time":"2026-12-04T21:00:00.000Z","level":"error","message":"Record set aside: the database refuses it for good","table":"\#(table)","reason":"\#(reason)"}"#
        return JSONLogLines(text: text).entries[0]
    }

    @Test("INT.poison holds for one set-aside ERROR line naming the table and SQLSTATE, one more dead letter, /health counting it")
    func poisonHolds() throws {
        let outcome = IntegrityChecks.poison(
            writes: try Self.writes(),
            stored: Self.stored(),
            drained: .seconds(1),
            errorLines: [Self.setAsideLine()],
            setAside: (0, 1),
            healthSetAside: 1
        )
        #expect(outcome.passed, "\(outcome.reason)")
    }

    @Test("INT.poison fails for a blocked queue, a line per retry, a missing table or a /health that does not count it")
    func poisonFails() throws {
        let blocked = IntegrityChecks.poison(
            writes: try Self.writes(),
            stored: Self.stored(dropping: Set(0..<10)),
            drained: nil,
            errorLines: [],
            setAside: (0, 0),
            healthSetAside: 0
        )
        #expect(!blocked.passed && blocked.reason.contains("10 records after the poison one were not stored"), "\(blocked.reason)")
        let repeated = IntegrityChecks.poison(
            writes: try Self.writes(),
            stored: Self.stored(),
            drained: .seconds(1),
            errorLines: [Self.setAsideLine(), Self.setAsideLine()],
            setAside: (0, 1),
            healthSetAside: 1
        )
        #expect(!repeated.passed && repeated.reason.contains("2 ERROR lines"), "\(repeated.reason)")
        let unnamed = IntegrityChecks.poison(
            writes: try Self.writes(),
            stored: Self.stored(),
            drained: .seconds(1),
            errorLines: [Self.setAsideLine(table: "")],
            setAside: (0, 1),
            healthSetAside: 0
        )
        #expect(
            !unnamed.passed && unnamed.reason.contains("not insights") && unnamed.reason.contains("/health says set_aside 0"),
            "\(unnamed.reason)"
        )
    }
}
