/// Latencies of one benchmark phase and the wall time it took.
struct LatencySample: Sendable {
    /// Each call's latency.
    var latencies: [Duration]
    /// Wall time of the phase.
    var elapsed: Duration

    /// The latency at quantile `q` (0...1), nearest rank.
    func percentile(_ q: Double) -> Duration {
        guard !latencies.isEmpty else { return .zero }
        let sorted = latencies.sorted()
        let rank = min(sorted.count - 1, max(0, Int((q * Double(sorted.count)).rounded(.up)) - 1))
        return sorted[rank]
    }

    /// Completed calls per second.
    var throughput: Double {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return seconds > 0 ? Double(latencies.count) / seconds : 0
    }
}

extension Duration {
    /// Milliseconds as a number, for printing.
    var milliseconds: Double {
        Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15
    }
}
