import CheckpointRules
import Foundation
import GRPCCore
import Testing

@testable import OracleBenchmark

/// The JSON lines `oracle-benchmark load` prints, read back by the checkpoint rules' decoders.
@Suite("oracle-benchmark load: JSON lines")
struct LoadReportTests {
    @Test("--readings: the fields the checkpoint rules decode, first_error only after a failure")
    func readings() throws {
        var outcome = BatchOutcome()
        outcome.record(.success(.milliseconds(3)))
        outcome.record(.success(.milliseconds(1)))
        outcome.record(.failure(CallFailure(CancellationError())))
        outcome.finish(after: .milliseconds(500))
        let report = BatchReport(
            summary: BatchSummary(mode: "readings", concurrency: 2, outcome: outcome),
            figures: ReadingsFigures(count: 3, outcome: outcome)
        )
        #expect(
            try Self.keys(report) == [
                "concurrency", "count", "errors", "first_error", "max_ms", "mode", "ok", "p50_ms", "p99_ms", "wall_seconds",
            ]
        )
        let decoded = try JSONDecoder().decode(OracleLoadReadings.self, from: Data(report.jsonLine().utf8))
        #expect((decoded.count, decoded.ok, decoded.errors, decoded.concurrency) == (3, 2, 1, 2))
        #expect((decoded.p50Milliseconds, decoded.p99Milliseconds, decoded.maxMilliseconds, decoded.wallSeconds) == (1, 3, 3, 0.5))
        #expect(decoded.firstError == "CancellationError: CancellationError()")
        #expect(report.exitStatus == 1)
        let none = BatchReport(
            summary: BatchSummary(mode: "readings", concurrency: 1, outcome: BatchOutcome()),
            figures: ReadingsFigures(count: 0, outcome: BatchOutcome())
        )
        #expect(try !Self.keys(none).contains("first_error"))
        #expect(none.exitStatus == 0)
    }

    @Test("--wait-ready: ready_at_unix after a success, last_error after giving up")
    func readiness() throws {
        let ready = ReadinessReport(ready: true, attempts: 4, seconds: 0.2, readyAtUnix: 1_800_000_000.5, lastError: nil)
        #expect(try Self.keys(ready) == ["attempts", "mode", "ready", "ready_at_unix", "seconds"])
        let decoded = try JSONDecoder().decode(OracleLoadReadiness.self, from: Data(ready.jsonLine().utf8))
        #expect(decoded.ready && decoded.attempts == 4 && decoded.readyAt == Date(timeIntervalSince1970: 1_800_000_000.5))

        let never = ReadinessReport(ready: false, attempts: 9, seconds: 3, readyAtUnix: nil, lastError: "UNAVAILABLE: x/y")
        #expect(try Self.keys(never) == ["attempts", "last_error", "mode", "ready", "seconds"])
        #expect(try never.jsonLine().contains(#""last_error":"UNAVAILABLE: x/y""#))
        #expect(try JSONDecoder().decode(OracleLoadReadiness.self, from: Data(never.jsonLine().utf8)).lastError == "UNAVAILABLE: x/y")
    }

    @Test("--flood-bytes: request_bytes is requests × question_bytes, and bytes_per_second follows the wall time")
    func flood() throws {
        var outcome = BatchOutcome()
        outcome.record(.success(.milliseconds(2)))
        outcome.record(.success(.milliseconds(2)))
        outcome.finish(after: .seconds(2))
        let report = BatchReport(
            summary: BatchSummary(mode: "flood", concurrency: 8, outcome: outcome),
            figures: FloodFigures(requests: 2, questionBytes: 2000, wallSeconds: outcome.wallSeconds)
        )
        #expect(
            try Self.keys(report) == [
                "bytes_per_second", "concurrency", "errors", "mode", "ok", "question_bytes", "request_bytes", "requests", "wall_seconds",
            ]
        )
        #expect(report.figures.bytesPerSecond == 2000)
        #expect(report.exitStatus == 0)
        let decoded = try JSONDecoder().decode(OracleLoadFlood.self, from: Data(report.jsonLine().utf8))
        #expect((decoded.requests, decoded.ok, decoded.errors, decoded.requestBytes) == (2, 2, 0, 4000))
        #expect(decoded.firstError == nil)
    }

    @Test("--writes: the acknowledged calls by kind and key, the others by status, read back by the checkpoint rules")
    func writes() throws {
        var tally = WriteTally(load: WriteLoad(calls: 6, keyPrefix: "int-1"))
        tally.record(call: 2, .success(.milliseconds(4)))
        tally.record(call: 0, .success(.milliseconds(2)))
        tally.record(call: 1, .success(.milliseconds(6)))
        tally.record(call: 3, .failure(CallFailure(RPCError(code: .unavailable, message: "backlog full"))))
        tally.record(call: 5, .failure(CallFailure(RPCError(code: .unavailable, message: "connection lost"))))
        tally.record(call: 4, .failure(CallFailure(RPCError(code: .deadlineExceeded, message: "timed out"))))
        tally.finish(after: .seconds(2))
        let report = BatchReport(summary: BatchSummary(mode: "writes", concurrency: 3, outcome: tally.outcome), figures: WriteFigures(tally))
        #expect(
            try Self.keys(report) == [
                "acknowledged_analyses", "acknowledged_keys", "acknowledged_suggestions", "calls_per_second", "concurrency", "errors",
                "first_error", "messages", "deadline_exceeded", "unavailable", "mode", "ok", "p50_ms", "p99_ms", "requested", "statuses",
                "deadline_exceeded", "unavailable", "wall_seconds",
            ]
        )
        #expect(try report.jsonLine().contains(#""acknowledged_keys":["int-1-0","int-1-1","int-1-2"]"#))
        #expect(report.exitStatus == 1)
        let decoded = try JSONDecoder().decode(OracleWriteReport.self, from: Data(report.jsonLine().utf8))
        #expect((decoded.requested, decoded.ok, decoded.errors, decoded.concurrency) == (6, 3, 3, 3))
        #expect((decoded.acknowledgedSuggestions, decoded.acknowledgedAnalyses) == (2, 1))
        #expect(decoded.acknowledgedKeys == ["int-1-0", "int-1-1", "int-1-2"])
        #expect(decoded.statuses == ["unavailable": 2, "deadline_exceeded": 1])
        #expect(decoded.messages == ["unavailable": "UNAVAILABLE: backlog full", "deadline_exceeded": "DEADLINE_EXCEEDED: timed out"])
        #expect((decoded.wallSeconds, decoded.callsPerSecond, decoded.p50Milliseconds, decoded.p99Milliseconds) == (2, 3, 4, 6))
        #expect(decoded.firstError == "UNAVAILABLE: backlog full")
    }

    // The keys of the report's JSON line, in the order printed (alphabetical).
    private static func keys(_ report: some LoadReport) throws -> [String] {
        let line = try report.jsonLine()
        let pattern = /"([a-z0-9_]+)":/
        return line.matches(of: pattern).map { String($0.output.1) }
    }
}
