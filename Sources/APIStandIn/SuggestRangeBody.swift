import Hummingbird
import OracleAPI

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The JSON body of `POST /api/oracle/suggest-range`; every key is optional, as in the proto request.
struct SuggestRangeBody: Decodable {
    /// Puzzle 1…160; absent or 0 means the Oracle's default, 66.
    var puzzleNumber: UInt32?
    /// How much the Oracle may reason about the choice; 3 and above fills gaps.
    var aiLevel: UInt32?
    /// Ranges already scanned, as `0xSTART-0xEND`.
    var scannedRanges: [String]?

    private enum CodingKeys: String, CodingKey {
        case puzzleNumber = "puzzle_number"
        case aiLevel = "ai_level"
        case scannedRanges = "scanned_ranges"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        puzzleNumber = try Self.wholeNumber(in: container, at: .puzzleNumber)
        aiLevel = try Self.wholeNumber(in: container, at: .aiLevel)
        scannedRanges = try container.decodeIfPresent([String].self, forKey: .scannedRanges)
    }

    /// Decodes `buffer`; a problem names the field and what was expected there.
    static func decode(from buffer: ByteBuffer) throws(RequestBodyError) -> SuggestRangeBody {
        do {
            return try JSONDecoder().decode(SuggestRangeBody.self, from: Data(buffer: buffer))
        } catch let error as DecodingError {
            throw describe(error)
        } catch {
            throw RequestBodyError(message: "request body: \(error)", field: nil)
        }
    }

    /// The RPC request the body stands for.
    var request: Nps_Oracle_RangeRequest {
        .with {
            $0.puzzleNumber = puzzleNumber ?? 0
            $0.aiLevel = aiLevel ?? 0
            $0.scannedRanges = scannedRanges ?? []
        }
    }

    /// A uint32 read as a Double: Foundation reports a number that does not fit the type as invalid JSON without
    /// naming its key, so the range is checked here where the key is known.
    private static func wholeNumber(in container: KeyedDecodingContainer<CodingKeys>, at key: CodingKeys) throws -> UInt32? {
        guard let value = try container.decodeIfPresent(Double.self, forKey: key) else { return nil }
        guard let number = UInt32(exactly: value) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "\(value) is not a uint32")
        }
        return number
    }

    /// A `DecodingError` in the API's words: the JSON path of the field and what was wrong with it.
    private static func describe(_ error: DecodingError) -> RequestBodyError {
        let context: DecodingError.Context
        let problem: String
        switch error {
        case .typeMismatch(_, let found):
            context = found
            switch found.codingPath.first?.stringValue {
            case CodingKeys.scannedRanges.stringValue?:
                problem = found.codingPath.count > 1 ? "expected a string" : "expected an array of strings"
            default:
                problem = "expected a whole number"
            }
        case .valueNotFound(_, let found):
            context = found
            problem = "must not be null"
        case .dataCorrupted(let found) where found.codingPath.isEmpty:
            return RequestBodyError(message: "request body: not valid JSON", field: nil)
        case .dataCorrupted(let found):
            // With a key this is a number that does not fit a uint32 (negative, fractional or too large).
            context = found
            problem = "expected a whole number from 0 to \(UInt32.max)"
        default:
            return RequestBodyError(message: "request body: \(error)", field: nil)
        }
        guard let key = context.codingPath.first?.stringValue else {
            return RequestBodyError(message: "request body: not a JSON object", field: nil)
        }
        let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().dropFirst()
        return RequestBodyError(message: "\(path): \(problem)", field: key)
    }
}
