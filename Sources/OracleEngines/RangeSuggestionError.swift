/// Why no range can be suggested.
public enum RangeSuggestionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The puzzle number is not 0 (default) or 1...160.
    case puzzleNumberOutOfRange(Int)
    /// gap_fill found every key of the puzzle already covered by the scanned ranges.
    case puzzleFullyScanned(puzzleNumber: Int)

    /// A sentence saying what is wrong.
    public var description: String {
        switch self {
        case let .puzzleNumberOutOfRange(number):
            "puzzle_number \(number) is out of range; expected 1-160 (0 means 66)"
        case let .puzzleFullyScanned(number):
            "scanned_ranges already cover every key of puzzle \(number); there is no gap to fill"
        }
    }
}
