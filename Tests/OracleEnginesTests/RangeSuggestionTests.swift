import Testing

@testable import OracleEngines

@Suite("Range suggestions")
struct RangeSuggestionTests {
    /// Thursday 2026-02-05 17:15 UTC, score 0.8375: excellent.
    let excellent = TimingAlignment(moment: Moment(unixSeconds: 1_770_311_700))
    /// The same day at 02:00 UTC, score 0.7375: good.
    let good = TimingAlignment(moment: Moment(unixSeconds: 1_770_256_800))

    private func suggest(
        _ puzzle: Int,
        scanned: [String] = [],
        aiLevel: Int,
        timing: TimingAlignment,
        seed: UInt64 = 1
    ) throws -> RangeSuggestion {
        var generator = SplitMix64(seed: seed)
        return try RangeSuggestion(
            puzzleNumber: puzzle,
            scannedRanges: try scanned.map(KeyRange.parse),
            aiLevel: aiLevel,
            timing: timing,
            using: &generator
        )
    }

    @Test("The fixtures are the moments they claim to be")
    func fixturesAreTheClaimedMoments() {
        #expect(excellent.moment.iso8601 == "2026-02-05T17:15:00Z")
        #expect(excellent.quality == .excellent)
        #expect(good.moment.iso8601 == "2026-02-05T02:00:00Z")
        #expect(good.quality == .good)
    }

    @Test("Puzzle 1 can only suggest key 1", arguments: [0, 1, 3])
    func puzzleOneIsOneKey(aiLevel: Int) throws {
        for timing in [excellent, good] {
            #expect(try suggest(1, aiLevel: aiLevel, timing: timing).range.description == "0x1-0x1")
        }
    }

    @Test("An excellent timing picks cosmic, the same window for the same hour whatever the generator")
    func cosmicIsDeterministicByHour() throws {
        let first = try suggest(66, aiLevel: 5, timing: excellent, seed: 1)
        let second = try suggest(66, aiLevel: 0, timing: excellent, seed: 99)
        let sameHour = TimingAlignment(moment: try Moment.parse(iso8601: "2026-02-05T17:59:59Z"))
        #expect(first.strategy == .cosmic)
        #expect(first.confidence == 0.8)
        #expect(first.range == second.range)
        #expect(first.range == (try suggest(66, aiLevel: 0, timing: sameHour)).range)
        #expect(first.range.count == RangeSuggestion.windowSize)
        let puzzle = try KeyRange.puzzle(66)
        #expect(first.range.start >= puzzle.start && first.range.end <= puzzle.end)
    }

    @Test("Reasoning names strategy, quality, score, AI level and moon phase")
    func reasoningNamesItsInputs() throws {
        let reasoning = try suggest(66, aiLevel: 2, timing: excellent).reasoning
        for part in ["cosmic", "puzzle 66", "excellent", "0.84", "AI level 2", "Waning Gibbous"] {
            #expect(reasoning.contains(part), "reasoning lacks \(part): \(reasoning)")
        }
    }

    @Test("AI level 3 without excellent timing fills the largest gap")
    func gapFillTakesLargestGap() throws {
        let suggestion = try suggest(
            8,
            scanned: ["0xa0-0xaf", "0x90-0x9f", "0x95-0xa5", "0x70-0x85", "0xe0-0x1ff"],
            aiLevel: 3,
            timing: good
        )
        #expect(suggestion.strategy == .gapFill)
        #expect(suggestion.confidence == 0.7)
        #expect(suggestion.range.description == "0xb0-0xdf")
        #expect(suggestion.reasoning.contains("gap_fill"))
        #expect(suggestion.reasoning.contains("good (score 0.74)"))
    }

    @Test("gap_fill on a fully scanned puzzle throws instead of suggesting scanned keys")
    func gapFillOnFullyScannedPuzzleThrows() {
        #expect(throws: RangeSuggestionError.puzzleFullyScanned(puzzleNumber: 8)) {
            try suggest(8, scanned: ["0x0-0xff"], aiLevel: 3, timing: good)
        }
    }

    @Test("Below AI level 3 a random window of 2^32 keys lies inside the puzzle", arguments: [33, 66, 160])
    func randomWindowInsidePuzzle(puzzle: Int) throws {
        let range = try KeyRange.puzzle(puzzle)
        for seed in UInt64(0)..<20 {
            let suggestion = try suggest(puzzle, aiLevel: 2, timing: good, seed: seed)
            #expect(suggestion.strategy == .random)
            #expect(suggestion.confidence == 0.5)
            #expect(suggestion.range.count == RangeSuggestion.windowSize)
            #expect(suggestion.range.start >= range.start && suggestion.range.end <= range.end)
        }
    }

    @Test("A puzzle smaller than the window is suggested whole")
    func smallPuzzleSuggestedWhole() throws {
        #expect(try suggest(20, aiLevel: 0, timing: good).range == (try KeyRange.puzzle(20)))
    }

    @Test("Puzzle 160 reaches 2^160 − 1 and 0 means puzzle 66")
    func puzzleBounds() throws {
        let top = try suggest(160, aiLevel: 3, timing: good)
        #expect(top.range == (try KeyRange.puzzle(160)))
        #expect(top.range.end.hex == "0x" + String(repeating: "f", count: 40))
        #expect(try suggest(0, aiLevel: 1, timing: good).puzzleNumber == 66)
    }

    @Test("A puzzle number above 160 is rejected")
    func puzzleAbove160Rejected() {
        #expect(throws: RangeSuggestionError.puzzleNumberOutOfRange(161)) {
            try suggest(161, aiLevel: 1, timing: good)
        }
    }
}
