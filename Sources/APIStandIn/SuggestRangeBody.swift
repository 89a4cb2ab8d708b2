import Hummingbird
import OracleAPI

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The JSON body of `POST /api/oracle/suggest-range`; every key is optional, as in the proto request, and a key the
/// request does not have is refused, as proto JSON parsers do.
struct SuggestRangeBody: Decodable {
    /// Arrays and objects nested deeper than this are refused before the JSON is parsed: the body needs two levels,
    /// and the parser's cost grows with the depth.
    static let maximumDepth = 16

    /// Puzzle 1…160; absent or 0 means the Oracle's default, 66.
    var puzzleNumber: UInt32?
    /// How much the Oracle may reason about the choice; 3 and above fills gaps.
    var aiLevel: UInt32?
    /// Ranges already scanned, as `0xSTART-0xEND`.
    var scannedRanges: [String]?

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case puzzleNumber = "puzzle_number"
        case aiLevel = "ai_level"
        case scannedRanges = "scanned_ranges"
    }

    /// Any key of the body's object, so that one the request does not have can be named.
    private struct AnyKey: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }

        init(stringValue: String) {
            self.stringValue = stringValue
        }

        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        let keys = try decoder.container(keyedBy: AnyKey.self).allKeys.map(\.stringValue)
        if let unknown = keys.filter({ CodingKeys(stringValue: $0) == nil }).sorted().first {
            let expected = CodingKeys.allCases.map(\.stringValue).joined(separator: ", ")
            let key = RequestError.quoted(unknown)
            throw RequestError.badRequest("\(key): not a field of this request; expected \(expected)", field: key)
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        puzzleNumber = try Self.wholeNumber(in: container, at: .puzzleNumber)
        aiLevel = try Self.wholeNumber(in: container, at: .aiLevel)
        scannedRanges = try container.decodeIfPresent([String].self, forKey: .scannedRanges)
    }

    /// Reads `body` and decodes it, refusing it with 413 once it passes `limit` bytes.
    static func read(from body: RequestBody, limit: Int) async throws(RequestError) -> SuggestRangeBody {
        var buffer = ByteBuffer()
        do {
            for try await chunk in body {
                guard buffer.readableBytes + chunk.readableBytes <= limit else { throw RequestError.bodyTooLarge(limit: limit) }
                buffer.writeImmutableBuffer(chunk)
            }
        } catch let error as RequestError {
            throw error
        } catch {
            throw .badRequest("request body: could not be read")
        }
        return try decode(from: buffer)
    }

    /// Decodes `buffer`; a problem names the field and what was expected there, or what is wrong with the JSON.
    static func decode(from buffer: ByteBuffer) throws(RequestError) -> SuggestRangeBody {
        let bytes = Data(buffer: buffer)
        guard !bytes.isEmpty else { throw .badRequest("request body: empty; expected a JSON object") }
        guard String(validating: bytes, as: UTF8.self) != nil else { throw .badRequest("request body: not valid UTF-8") }
        guard !nestsTooDeep(bytes) else {
            throw .badRequest("request body: arrays and objects nested deeper than \(maximumDepth) levels")
        }
        do {
            return try JSONDecoder().decode(SuggestRangeBody.self, from: bytes)
        } catch let error as RequestError {
            throw error
        } catch let error as DecodingError {
            throw describe(error)
        } catch {
            throw .badRequest("request body: not valid JSON")
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

    /// Whether `bytes` nest arrays and objects deeper than `maximumDepth`; brackets inside strings do not count.
    private static func nestsTooDeep(_ bytes: Data) -> Bool {
        var depth = 0
        var inString = false
        var escaped = false
        for byte in bytes {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > maximumDepth { return true }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth -= 1
            default:
                break
            }
        }
        return false
    }

    /// A `DecodingError` in the API's words: the JSON path of the field and what was wrong with it; never the error
    /// itself, whose text names Swift types.
    private static func describe(_ error: DecodingError) -> RequestError {
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
            return .badRequest("request body: not valid JSON")
        case .dataCorrupted(let found):
            // With a key this is a number that does not fit a uint32 (negative, fractional or too large).
            context = found
            problem = "expected a whole number from 0 to \(UInt32.max)"
        default:
            // keyNotFound: every key is optional, so no body leads here.
            return .badRequest("request body: not a suggest-range request")
        }
        guard let key = context.codingPath.first?.stringValue else {
            return .badRequest("request body: not a JSON object")
        }
        let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().dropFirst()
        return .badRequest("\(path): \(problem)", field: key)
    }
}
