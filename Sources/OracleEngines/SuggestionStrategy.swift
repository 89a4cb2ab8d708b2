/// How a range suggestion was chosen; the raw value is the contract's strategy string.
public enum SuggestionStrategy: String, Sendable {
    /// Timing score ≥ 0.8: a window placed by the hour of the moment.
    case cosmic
    /// AI level ≥ 3: the largest unscanned part of the puzzle range.
    case gapFill = "gap_fill"
    /// Otherwise: a random window.
    case random

    /// The confidence the contract gives each strategy.
    public var confidence: Double {
        switch self {
        case .cosmic: 0.8
        case .gapFill: 0.7
        case .random: 0.5
        }
    }
}
