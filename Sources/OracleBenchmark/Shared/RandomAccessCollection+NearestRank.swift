/// Percentiles of sorted latencies.
extension RandomAccessCollection {
    /// The nearest-rank percentile of an ascending collection: the element at rank ⌈`fraction` × count⌉ (at least the
    /// first, at most the last); nil when the collection is empty. 0.5 is the median, 0.99 the p99.
    func nearestRank(_ fraction: Double) -> Element? {
        guard !isEmpty else { return nil }
        let rank = Swift.min(count, Swift.max(1, Int((fraction * Double(count)).rounded(.up))))
        return self[index(startIndex, offsetBy: rank - 1)]
    }
}
