import Foundation
import Testing

@testable import OracleBenchmark

/// The spool replay figure's arithmetic and verdict, and the `pending` it reads from /health, without a server.
@Suite("oracle-benchmark: spool replay")
struct SpoolReplayTests {
    /// A phase that went as it should: 20,000 records spooled, drained in 2 s, every row stored.
    static let clean = SpoolReplay(records: 20_000, spooled: 20_000, drained: .seconds(2), lastPending: 0, stored: .success(20_000))

    @Test("N is 4,000 records per second of --duration, at most 20,000")
    func records() {
        #expect(SpoolReplay.records(for: .seconds(5)) == 20_000)
        #expect(SpoolReplay.records(for: .seconds(60)) == 20_000)
        #expect(SpoolReplay.records(for: .seconds(2)) == 8_000)
        #expect(SpoolReplay.records(for: .seconds(1)) == 4_000)
    }

    @Test("the rate is N over the time from process start to pending 0; none when it never drained")
    func rate() {
        #expect(Self.clean.recordsPerSecond == 10_000)
        var quick = Self.clean
        quick.drained = .milliseconds(400)
        #expect(quick.recordsPerSecond == 50_000)
        var stuck = Self.clean
        stuck.drained = nil
        #expect(stuck.recordsPerSecond == nil)
    }

    @Test("a clean phase has no problems")
    func clean() {
        #expect(Self.clean.problems.isEmpty)
    }

    @Test("each shortfall is named: calls refused, a spool that disagrees, no drain, rows missing, no count")
    func problems() {
        var replay = Self.clean
        replay.unacknowledged = "3 not acknowledged: unavailable 3"
        replay.spooled = 19_999
        replay.drained = nil
        replay.lastPending = 1_500
        replay.stored = .success(18_500)
        #expect(
            replay.problems == [
                "spooling: 3 not acknowledged: unavailable 3",
                "/health said pending 19999 after 20000 acknowledged",
                "pending not 0 within 120 s (last: 1500)",
                "18500 rows stored, not 20000",
            ]
        )
        var unanswered = Self.clean
        unanswered.spooled = nil
        unanswered.stored = .failure(BenchmarkFailure(message: "psql ended with exit status 2: connection refused"))
        #expect(
            unanswered.problems == [
                "/health said pending nothing after 20000 acknowledged",
                "rows not counted: psql ended with exit status 2: connection refused",
            ]
        )
        #expect(SpoolReplay(spooled: 0, drained: .seconds(1)).problems == ["no SuggestRange acknowledged"])
    }

    @Test("/health's pending is read whatever the status, and is nil when the body has none")
    func pending() throws {
        let degraded = """
            {"status":"degraded","service":"oracle","version":"0.1.0","uptime_seconds":3,\
            "checks":{"database":"unreachable","grpc":"listening","ai":"fallback"},"pending":20000,"set_aside":0}
            """
        let answer = try JSONDecoder().decode(HealthAnswer.self, from: Data(degraded.utf8))
        #expect(answer.pending == 20_000)
        #expect(answer.grpcListening)
        let older = try JSONDecoder().decode(HealthAnswer.self, from: Data(#"{"checks":{"grpc":"starting"}}"#.utf8))
        #expect(older.pending == nil)
        #expect(!older.grpcListening)
    }
}
