import Testing

@testable import OracleEngines

@Suite("Session analysis")
struct SessionAnalysisTests {
    private func analyse(
        keys: UInt64 = 0,
        seeds: UInt64 = 0,
        hits: UInt32 = 0,
        speed: Double = 0,
        elapsed: Double = 0,
        mode: String = "random",
        model: String = ""
    ) -> SessionAnalysis {
        SessionAnalysis(
            keysTested: keys,
            seedsTested: seeds,
            hits: hits,
            speed: speed,
            elapsed: elapsed,
            mode: mode,
            model: model
        )
    }

    @Test("An empty session says nothing was tested and earns no XP")
    func emptySession() {
        let analysis = analyse()
        #expect(analysis.insights == ["No keys or seeds were tested in this session."])
        #expect(analysis.xpEarned == 0)
        #expect(analysis.adjustments["batch_size_multiplier"] == 1.0)
    }

    @Test("A slow session is told to raise the batch size")
    func slowSessionRaisesBatchSize() {
        let analysis = analyse(keys: 50_000, speed: 500, elapsed: 100)
        #expect(analysis.recommendations.contains { $0.contains("increase the batch size") })
        #expect(analysis.adjustments["batch_size_multiplier"] == 2.0)
    }

    @Test("Speed is derived from keys and elapsed time when not given")
    func speedDerivedFromElapsed() {
        let analysis = analyse(keys: 10_000_000, elapsed: 10)
        #expect(analysis.insights[0].contains("1000000 keys/s"))
        #expect(analysis.insights.contains("Throughput is excellent; keep the current batch size."))
        #expect(analysis.adjustments["batch_size_multiplier"] == 1.0)
    }

    @Test("Hits are congratulated and weigh 1000 XP each")
    func hitsCongratulatedAndRewarded() {
        let analysis = analyse(keys: 5_000_000, seeds: 20_000, hits: 2, speed: 2_000_000, elapsed: 120)
        #expect(analysis.insights.contains { $0.hasPrefix("Congratulations: 2 hit(s)") })
        #expect(analysis.xpEarned == 5 + 2 + 2000)
        #expect(analysis.adjustments["exploration_rate"] == 0.1)
    }

    @Test("A billion keys without a hit suggests gap_fill")
    func longFruitlessSessionSuggestsGapFill() {
        let analysis = analyse(keys: 2_000_000_000, speed: 5_000_000, elapsed: 400, mode: "random", model: "m1")
        #expect(analysis.recommendations.contains { $0.contains("gap_fill") })
        #expect(analysis.adjustments["ai_level"] == 3.0)
        #expect(analysis.insights[0].contains("mode random, model m1"))
    }

    @Test("A short session is told to run longer")
    func shortSession() {
        let analysis = analyse(keys: 5_000_000, speed: 100_000, elapsed: 30)
        #expect(analysis.recommendations.contains { $0.contains("under a minute") })
    }

    @Test("XP is capped at Int32.max and nonsense speeds are ignored")
    func extremesAreSafe() {
        let analysis = analyse(keys: .max, seeds: .max, hits: .max, speed: .nan, elapsed: -.infinity)
        #expect(analysis.xpEarned == Int(Int32.max))
        #expect(analysis == analyse(keys: .max, seeds: .max, hits: .max, speed: .nan, elapsed: -.infinity))
    }
}
