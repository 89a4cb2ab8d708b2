import GRPCCore
import OracleAPI
import Testing

@testable import OracleService

/// Each RPC's text limits over real gRPC against an in-process Oracle: exactly the limit in UTF-8 bytes is answered,
/// one byte more is INVALID_ARGUMENT naming the field, and U+0000 never reaches PostgreSQL.
@Suite("Request limits in bytes, end to end")
struct RequestLimitTests {
    typealias OracleClient = GRPCEndToEndTests.OracleClient
    typealias Limit = RequestField.Limit

    /// One limited text field of one RPC.
    enum LimitedField: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case name, question, sessionID, mode, model, readingDatetime, timingDatetime, scannedRange

        var testDescription: String { rawValue }

        /// The field the message must start with.
        var field: String {
            switch self {
            case .name: "name"
            case .question: "question"
            case .sessionID: "session_id"
            case .mode: "mode"
            case .model: "model"
            case .readingDatetime, .timingDatetime: "datetime"
            case .scannedRange: "scanned_ranges[0]"
            }
        }

        /// The field's limit in bytes.
        var limit: Int {
            switch self {
            case .name: Limit.name
            case .question: Limit.question
            case .sessionID: Limit.sessionID
            case .mode, .model: Limit.sessionLabel
            case .readingDatetime, .timingDatetime: Limit.moment
            case .scannedRange: Limit.keyRange
            }
        }

        /// A valid value of exactly `bytes` UTF-8 bytes; multi-byte characters where the field takes free text.
        func value(bytes: Int) -> String {
            switch self {
            case .name, .question, .sessionID, .mode, .model:
                return RequestFieldTests.multiByte(bytes)
            case .readingDatetime, .timingDatetime:
                // Fraction digits are accepted and dropped, so they pad a valid datetime to any length.
                let prefix = "2026-02-06T01:15:00."
                return prefix + String(repeating: "0", count: bytes - prefix.utf8.count - 1) + "Z"
            case .scannedRange:
                // Leading zeros pad a range inside puzzle 66, the default puzzle.
                let start = "20000000000000000"
                let end = "-0x20000000000000fff"
                return "0x" + String(repeating: "0", count: bytes - 2 - start.utf8.count - end.utf8.count) + start + end
            }
        }

        /// Calls the RPC with `value` in this field.
        func call(_ client: OracleClient, _ value: String) async throws {
            switch self {
            case .name: _ = try await client.getNameReading(.with { $0.name = value })
            case .question: _ = try await client.getQuestionSign(.with { $0.question = value })
            case .sessionID: _ = try await client.analyzeSession(.with { $0.sessionID = value })
            case .mode: _ = try await client.analyzeSession(.with { $0.mode = value })
            case .model: _ = try await client.analyzeSession(.with { $0.model = value })
            case .readingDatetime: _ = try await client.getReading(.with { $0.datetime = value })
            case .timingDatetime: _ = try await client.getTimingAlignment(.with { $0.datetime = value })
            case .scannedRange: _ = try await client.suggestRange(.with { $0.scannedRanges = [value] })
            }
        }
    }

    @Test("Exactly the limit in bytes is answered; one byte more is INVALID_ARGUMENT naming the field", arguments: LimitedField.allCases)
    func byteLimit(field: LimitedField) async throws {
        let atLimit = field.value(bytes: field.limit)
        let overLimit = field.value(bytes: field.limit + 1)
        #expect(atLimit.utf8.count == field.limit)
        #expect(overLimit.utf8.count == field.limit + 1)
        let error = try await GRPCEndToEndTests.withOracle { _, client in
            try await field.call(client, atLimit)
            return await GRPCEndToEndTests.rpcError { try await field.call(client, overLimit) }
        }
        #expect(error?.code == .invalidArgument, "\(String(describing: error))")
        #expect(error?.message == "\(field.field): \(field.limit + 1) bytes (UTF-8) is over the limit of \(field.limit) bytes")
    }

    @Test("session_id of 42 × 日 (126 bytes) is answered; 43 × 日 (129 bytes, 43 characters) is INVALID_ARGUMENT")
    func sessionIDInCharacters() async throws {
        let error = try await GRPCEndToEndTests.withOracle { _, client in
            _ = try await client.analyzeSession(.with { $0.sessionID = String(repeating: "日", count: 42) })
            return await GRPCEndToEndTests.rpcError {
                _ = try await client.analyzeSession(.with { $0.sessionID = String(repeating: "日", count: 43) })
            }
        }
        #expect(error?.code == .invalidArgument)
        #expect(error?.message.hasPrefix("session_id: ") == true, "\(String(describing: error))")
    }

    @Test("A session_id, mode or model holding U+0000 is INVALID_ARGUMENT, not acknowledged and then refused by PostgreSQL")
    func nulRefused() async throws {
        let errors = try await GRPCEndToEndTests.withOracle { _, client in
            [
                await GRPCEndToEndTests.rpcError { _ = try await client.analyzeSession(.with { $0.sessionID = "run\u{0}1" }) },
                await GRPCEndToEndTests.rpcError { _ = try await client.analyzeSession(.with { $0.mode = "\u{0}" }) },
                await GRPCEndToEndTests.rpcError { _ = try await client.analyzeSession(.with { $0.model = "m\u{0}" }) },
            ]
        }
        #expect(errors.map { $0?.code } == [.invalidArgument, .invalidArgument, .invalidArgument])
        #expect(
            errors.map { $0?.message } == [
                "session_id: must not contain U+0000 (NUL)", "mode: must not contain U+0000 (NUL)", "model: must not contain U+0000 (NUL)",
            ]
        )
    }

    @Test("A 10 KB bad datetime gets INVALID_ARGUMENT whose message quotes at most 256 bytes of it")
    func longBadDatetime() async throws {
        let datetime = String(repeating: "9", count: 10_240)
        let error = try await GRPCEndToEndTests.withOracle { _, client in
            await GRPCEndToEndTests.rpcError { _ = try await client.getReading(.with { $0.datetime = datetime }) }
        }
        let message = try #require(error?.message)
        #expect(error?.code == .invalidArgument)
        #expect(message.hasPrefix("datetime: "), "\(message)")
        let quoted = RequestFieldTests.quotedBytes(in: message)
        #expect(quoted <= Limit.quotedBytes)
        // Whatever is not quoted is the fixed text, which is short.
        #expect(message.utf8.count - quoted <= 100, "\(message)")
    }
}
