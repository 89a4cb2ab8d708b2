import ProcessRunning

/// Latencies of one benchmark phase and the wall time it took.
struct LatencySample: Sendable {
    /// Each call's latency.
    var latencies: [Duration]
    /// Wall time of the phase.
    var elapsed: Duration

    /// The latency at quantile `q` (0...1), nearest rank; zero when no call completed.
    func percentile(_ q: Double) -> Duration {
        latencies.sorted().nearestRank(q) ?? .zero
    }

    /// Completed calls per second.
    var throughput: Double {
        elapsed > .zero ? Double(latencies.count) / elapsed.inSeconds : 0
    }
}
