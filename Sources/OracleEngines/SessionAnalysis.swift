/// Rule-based analysis of a scanning session's counters (contract AnalysisResponse).
public struct SessionAnalysis: Sendable, Hashable {
    /// Below this many keys per second the batch size is too small to keep the scanner busy.
    public static let slowSpeed = 10_000.0
    /// From this many keys per second the scanner is running well.
    public static let fastSpeed = 1_000_000.0
    /// Sessions shorter than this many seconds are too short to judge.
    public static let shortSession = 60.0

    /// Observations about the session.
    public let insights: [String]
    /// What to change next time.
    public let recommendations: [String]
    /// Suggested tuning: "batch_size_multiplier", "exploration_rate", "ai_level".
    public let adjustments: [String: Double]
    /// Experience earned: 1 per million keys, 1 per ten thousand seeds, 1000 per hit, capped at Int32.max.
    public let xpEarned: Int

    /// Analyses counters; a speed of 0 (or less, or not a number) is derived from keys and elapsed seconds.
    public init(
        keysTested: UInt64,
        seedsTested: UInt64,
        hits: UInt32,
        speed: Double,
        elapsed: Double,
        mode: String,
        model: String
    ) {
        let elapsedSeconds = elapsed.isFinite && elapsed > 0 ? elapsed : 0
        let keysPerSecond =
            speed.isFinite && speed > 0
            ? speed : elapsedSeconds > 0 ? Double(keysTested) / elapsedSeconds : 0
        let modeName = mode.isEmpty ? "unspecified" : mode
        var insights: [String] = []
        var recommendations: [String] = []
        var batchMultiplier = 1.0
        var explorationRate = 0.2
        var aiLevel = 1.0

        if keysTested == 0 && seedsTested == 0 {
            insights.append("No keys or seeds were tested in this session.")
            recommendations.append("Check that the scanner is connected and running before the next session.")
        } else {
            insights.append(
                "Tested \(keysTested) keys and \(seedsTested) seeds in \(elapsedSeconds.fixed(0)) s "
                    + "at \(keysPerSecond.fixed(0)) keys/s (mode \(modeName)"
                    + (model.isEmpty ? ")." : ", model \(model)).")
            )
        }
        if hits > 0 {
            insights.append("Congratulations: \(hits) hit(s) found. Verify and secure them right away.")
            explorationRate = 0.1
        }
        if keysTested > 0 && keysPerSecond < SessionAnalysis.slowSpeed {
            recommendations.append(
                "Speed is below \(SessionAnalysis.slowSpeed.fixed(0)) keys/s: increase the batch size."
            )
            batchMultiplier = 2.0
        } else if keysPerSecond >= SessionAnalysis.fastSpeed {
            insights.append("Throughput is excellent; keep the current batch size.")
        }
        if elapsedSeconds > 0 && elapsedSeconds < SessionAnalysis.shortSession {
            recommendations.append("The session was under a minute; run longer sessions for reliable statistics.")
        }
        if hits == 0 && keysTested >= 1_000_000_000 {
            recommendations.append("No hits after a billion keys: switch to gap_fill (AI level 3) to avoid rescanning.")
            explorationRate = 0.4
            aiLevel = 3.0
        }
        if recommendations.isEmpty {
            recommendations.append("Keep the current settings.")
        }
        self.insights = insights
        self.recommendations = recommendations
        adjustments = [
            "batch_size_multiplier": batchMultiplier,
            "exploration_rate": explorationRate,
            "ai_level": aiLevel,
        ]
        let xp = keysTested / 1_000_000 + seedsTested / 10_000 + UInt64(hits) * 1000
        xpEarned = Int(min(xp, UInt64(Int32.max)))
    }
}
