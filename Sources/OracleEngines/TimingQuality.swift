/// The quality band of a timing score.
public enum TimingQuality: String, Sendable {
    /// The bands from worst to best; raw values are the contract strings.
    case poor, fair, good, excellent

    /// ≥ 0.8 excellent, ≥ 0.65 good, ≥ 0.5 fair, else poor.
    public init(score: Double) {
        // A hair of tolerance, so a mean that is exactly 0.8 on paper is not lost to binary rounding.
        let tolerant = score + 1e-9
        self =
            if tolerant >= 0.8 { .excellent } else if tolerant >= 0.65 { .good } else if tolerant >= 0.5 { .fair } else { .poor }
    }
}
