import Testing

@testable import OracleEngines

@Suite("Key ranges")
struct KeyRangeTests {
    private func range(_ text: String) throws -> KeyRange { try KeyRange.parse(text) }

    @Test("A range parses as 0xSTART-0xEND, inclusive, either case")
    func parsesValidRange() throws {
        let parsed = try range("0x20000000000000000-0X3FFFFFFFFFFFFFFFF")
        #expect(parsed.start == KeyValue.powerOfTwo(65))
        #expect(parsed.end == KeyValue.powerOfTwo(66) - 1)
        #expect(parsed.count == KeyValue.powerOfTwo(65))
        #expect(parsed.description == "0x20000000000000000-0x3ffffffffffffffff")
        #expect(try range("0x5-0x5").count == 1)
    }

    @Test(
        "Malformed ranges are rejected with the reason",
        arguments: [
            ("", KeyRangeParseError.empty),
            ("0x10", .wrongPartCount(input: "0x10", parts: 1)),
            ("0x1-0x2-0x3", .wrongPartCount(input: "0x1-0x2-0x3", parts: 3)),
            ("10-0x20", .missingHexPrefix(input: "10-0x20", bound: "10")),
            ("0x10-", .missingHexPrefix(input: "0x10-", bound: "")),
            ("0x1z-0x20", .invalidHex(input: "0x1z-0x20", bound: "0x1z")),
            ("0x-0x20", .invalidHex(input: "0x-0x20", bound: "0x")),
            ("0x20-0x10", .startAfterEnd(start: 0x20, end: 0x10)),
            (" 0x1-0x2", .missingHexPrefix(input: " 0x1-0x2", bound: " 0x1")),
        ]
    )
    func rejectsMalformedRange(text: String, error: KeyRangeParseError) {
        #expect(throws: error) { try KeyRange.parse(text) }
    }

    @Test("Error messages say what is wrong")
    func errorMessages() {
        #expect(
            KeyRangeParseError.startAfterEnd(start: 0x20, end: 0x10).description
                == "key range start 0x20 is above its end 0x10"
        )
        #expect(
            KeyRangeParseError.missingHexPrefix(input: "10-0x20", bound: "10").description
                == "key range '10-0x20': bound '10' lacks the 0x prefix"
        )
    }

    @Test(
        "Puzzle N spans 2^(N−1) … 2^N − 1; 0 means 66",
        arguments: [
            (1, "0x1-0x1"), (2, "0x2-0x3"), (8, "0x80-0xff"), (0, "0x20000000000000000-0x3ffffffffffffffff"),
            (160, "0x8" + String(repeating: "0", count: 39) + "-0x" + String(repeating: "f", count: 40)),
        ]
    )
    func puzzleRanges(number: Int, text: String) throws {
        #expect(try KeyRange.puzzle(number).description == text)
    }

    @Test("Puzzles outside 1...160 are rejected", arguments: [161, -1, 1000])
    func puzzleOutOfRange(number: Int) {
        #expect(throws: RangeSuggestionError.puzzleNumberOutOfRange(number)) { try KeyRange.puzzle(number) }
    }

    @Test("Uncovered parts ignore order, merge overlaps and clip ranges that stick out")
    func uncoveredPartsMergeAndClip() throws {
        let puzzle = try KeyRange.puzzle(8)
        let scanned = try ["0x90-0x9f", "0x70-0x85", "0xa0-0xaf", "0x95-0xa5", "0xe0-0x1ff", "0x300-0x400"].map(range)
        #expect(puzzle.uncoveredParts(excluding: scanned).map(\.description) == ["0x86-0x8f", "0xb0-0xdf"])
        #expect(puzzle.largestUncoveredPart(excluding: scanned)?.description == "0xb0-0xdf")
    }

    @Test("Among equal gaps the earliest is the largest part")
    func earliestGapWinsTie() throws {
        let puzzle = try KeyRange.puzzle(8)
        let scanned = try ["0x84-0xfb"].map(range)
        #expect(puzzle.largestUncoveredPart(excluding: scanned)?.description == "0x80-0x83")
    }

    @Test("A fully covered range has no uncovered part; nothing scanned leaves it whole")
    func fullCoverageAndNoCoverage() throws {
        let puzzle = try KeyRange.puzzle(8)
        #expect(puzzle.largestUncoveredPart(excluding: try ["0x0-0x9f", "0xa0-0xff"].map(range)) == nil)
        #expect(puzzle.largestUncoveredPart(excluding: []) == puzzle)
    }

    @Test("Gaps work at 160 bits")
    func gapsAt160Bits() throws {
        let puzzle = try KeyRange.puzzle(160)
        let lowerHalf = try KeyRange(start: puzzle.start, end: puzzle.start + (KeyValue.powerOfTwo(158) - 1))
        let gap = try #require(puzzle.largestUncoveredPart(excluding: [lowerHalf]))
        #expect(gap.start == KeyValue.powerOfTwo(159) + KeyValue.powerOfTwo(158))
        #expect(gap.end == puzzle.end)
    }
}
