/// Which part of a puzzle's key range the scanner should look at next (contract RangeResponse).
public struct RangeSuggestion: Sendable, Hashable {
    /// Largest window the cosmic and random strategies suggest: 2^32 keys, a few minutes of scanning.
    public static let windowSize = KeyValue.powerOfTwo(32)

    /// The puzzle the range belongs to (0 resolved to 66).
    public let puzzleNumber: Int
    /// The suggested keys, inside the puzzle range.
    public let range: KeyRange
    /// How the range was chosen.
    public let strategy: SuggestionStrategy
    /// Confidence of the strategy: 0.8 cosmic, 0.7 gap_fill, 0.5 random.
    public let confidence: Double
    /// Names the strategy, timing quality and score, AI level and moon phase.
    public let reasoning: String

    /// Suggests a range: cosmic when the timing is excellent (score ≥ 0.8), else gap_fill when
    /// aiLevel ≥ 3, else random. Throws for a puzzle outside 0...160, and when gap_fill finds
    /// the puzzle fully covered by `scannedRanges` (there is nothing left to suggest).
    public init(
        puzzleNumber: Int,
        scannedRanges: [KeyRange],
        aiLevel: Int,
        timing: TimingAlignment,
        using generator: inout some RandomNumberGenerator
    ) throws(RangeSuggestionError) {
        let puzzleRange = try KeyRange.puzzle(puzzleNumber)
        let resolvedNumber = puzzleNumber == 0 ? KeyRange.defaultPuzzleNumber : puzzleNumber
        let strategy: SuggestionStrategy =
            timing.quality == .excellent ? .cosmic : aiLevel >= 3 ? .gapFill : .random
        let detail: String
        switch strategy {
        case .cosmic:
            // Seeded by the UTC hour: every request within the same excellent hour gets the same window.
            var hourGenerator = SplitMix64(seed: RangeSuggestion.hourSeed(of: timing.moment))
            range = RangeSuggestion.window(in: puzzleRange, using: &hourGenerator)
            detail = "a window placed by the hour \(timing.moment.isoDate) \(timing.moment.hour):00 UTC"
        case .gapFill:
            guard let gap = puzzleRange.largestUncoveredPart(excluding: scannedRanges) else {
                throw .puzzleFullyScanned(puzzleNumber: resolvedNumber)
            }
            range = gap
            detail = "the largest unscanned part of the puzzle (\(gap.count.hex) keys)"
        case .random:
            range = RangeSuggestion.window(in: puzzleRange, using: &generator)
            detail = "a random window of \(range.count.hex) keys"
        }
        self.puzzleNumber = resolvedNumber
        self.strategy = strategy
        confidence = strategy.confidence
        reasoning =
            "Strategy \(strategy.rawValue) for puzzle \(resolvedNumber): \(detail). "
            + "Timing is \(timing.quality.rawValue) (score \(timing.score.fixed(2))), "
            + "AI level \(aiLevel), moon phase \(timing.moonPhase.name)."
    }

    /// A window of min(range size, 2^32) keys at a random position inside the range.
    private static func window(
        in range: KeyRange,
        using generator: inout some RandomNumberGenerator
    ) -> KeyRange {
        let size = min(range.count, windowSize)
        let start = KeyValue.random(in: range.start...(range.end - size + 1), using: &generator)
        return KeyRange(unchecked: start, end: start + size - 1)
    }

    /// The number of whole UTC hours since 1970 (floor), as the seed bits.
    private static func hourSeed(of moment: Moment) -> UInt64 {
        let seconds = moment.unixSeconds
        let hours = seconds >= 0 ? seconds / 3600 : (seconds - 3599) / 3600
        return UInt64(bitPattern: hours)
    }
}
