import OracleEngines

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The JSON stored in `oracle_suggestions.suggestion` for a range suggestion.
struct SuggestionRecord: Encodable, Sendable {
    var puzzleNumber: Int
    var rangeStart: String
    var rangeEnd: String
    var strategy: String
    var confidence: Double
    var reasoning: String
    var aiLevel: Int
    var scannedRangeCount: Int

    /// The record of `suggestion`, made for a request with `aiLevel` and `scannedRangeCount` ranges.
    init(_ suggestion: RangeSuggestion, aiLevel: Int, scannedRangeCount: Int) {
        puzzleNumber = suggestion.puzzleNumber
        rangeStart = suggestion.range.start.hex
        rangeEnd = suggestion.range.end.hex
        strategy = suggestion.strategy.rawValue
        confidence = suggestion.confidence
        reasoning = suggestion.reasoning
        self.aiLevel = aiLevel
        self.scannedRangeCount = scannedRangeCount
    }

    /// The record as compact JSON with snake_case keys.
    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
