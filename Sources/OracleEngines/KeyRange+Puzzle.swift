extension KeyRange {
    /// The puzzle used when a request leaves the number at 0.
    public static let defaultPuzzleNumber = 66

    /// The highest puzzle number.
    public static let maximumPuzzleNumber = 160

    /// The key range of puzzle N, 2^(N−1) … 2^N − 1; 0 means puzzle 66, and N outside 0...160 throws.
    public static func puzzle(_ number: Int) throws(RangeSuggestionError) -> KeyRange {
        let resolved = number == 0 ? defaultPuzzleNumber : number
        guard (1...maximumPuzzleNumber).contains(resolved) else { throw .puzzleNumberOutOfRange(number) }
        return KeyRange(unchecked: .powerOfTwo(resolved - 1), end: .powerOfTwo(resolved) - 1)
    }
}
