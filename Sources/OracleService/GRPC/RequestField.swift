import GRPCCore
import OracleEngines

/// Validation of request fields: every problem becomes INVALID_ARGUMENT with a message that starts with the field's name.
///
/// Limits count UTF-8 bytes, what the wire and PostgreSQL hold, not characters. Text with U+0000 is refused up front:
/// PostgreSQL cannot store it in a text column (SQLSTATE 22021), so a record holding it would be acknowledged and then
/// fail to be written forever.
enum RequestField {
    /// Limits of request fields, and of what an error message quotes; sizes are in UTF-8 bytes.
    enum Limit {
        /// `name` of GetNameReading.
        static let name = 256
        /// `question` of GetQuestionSign.
        static let question = 2048
        /// `session_id` of AnalyzeSession, stored with each of its insights.
        static let sessionID = 128
        /// `mode` and `model` of AnalyzeSession, which its insights quote.
        static let sessionLabel = 64
        /// A `datetime` or `date`: the longest useful ISO 8601 form is about 35 bytes.
        static let moment = 64
        /// One `scanned_ranges` entry: a range of two 256-bit bounds is 133 bytes, the rest allows leading zeros.
        static let keyRange = 160
        /// Entries in `scanned_ranges`.
        static let keyRangeCount = 10_000
        /// Entries in AnalyzeSession's `extra` map, which the Oracle accepts for wire compatibility and does not use.
        static let extraEntries = 64
        /// One key of `extra`.
        static let extraKey = 64
        /// One value of `extra`.
        static let extraValue = 1024
        /// The `idempotency-key` metadata value.
        static let idempotencyKey = 128
        /// The most bytes of a caller's text that one error message quotes.
        static let quotedBytes = 256
    }

    /// The metadata key under which a client names a call that stores a record, so a retry is not stored twice.
    static let idempotencyKeyName = "idempotency-key"

    /// A moment from an ISO 8601 string; empty means now.
    static func moment(_ text: String, field: String) throws(RPCError) -> Moment {
        if text.isEmpty { return Moment.now() }
        let checked = try bounded(text, field: field, maximumBytes: Limit.moment)
        do {
            return try Moment.parse(iso8601: checked)
        } catch {
            throw invalid(field, "\(shortened(error))")
        }
    }

    /// A day from `YYYY-MM-DD`; empty means today (UTC).
    static func date(_ text: String, field: String) throws(RPCError) -> Moment {
        if text.isEmpty { return Moment.now().inUTC }
        let checked = try bounded(text, field: field, maximumBytes: Limit.moment)
        do {
            return try Moment.parse(date: checked)
        } catch {
            throw invalid(field, "\(shortened(error))")
        }
    }

    /// Required text: not blank, and once trimmed within `maximumBytes` and free of U+0000.
    static func text(_ text: String, field: String, maximumBytes: Int) throws(RPCError) -> String {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else { throw invalid(field, "must not be empty") }
        return try bounded(trimmed, field: field, maximumBytes: maximumBytes)
    }

    /// Optional text: nil when blank, else as `text(_:field:maximumBytes:)` checks it.
    static func optionalText(_ text: String, field: String, maximumBytes: Int) throws(RPCError) -> String? {
        text.trimmingWhitespace().isEmpty ? nil : try Self.text(text, field: field, maximumBytes: maximumBytes)
    }

    /// `text` unchanged when it is at most `maximumBytes` of UTF-8 and holds no U+0000.
    static func bounded(_ text: String, field: String, maximumBytes: Int) throws(RPCError) -> String {
        let bytes = text.utf8.count
        guard bytes <= maximumBytes else {
            throw invalid(field, "\(bytes) bytes (UTF-8) is over the limit of \(maximumBytes) bytes")
        }
        guard !text.utf8.contains(0) else { throw invalid(field, "must not contain U+0000 (NUL)") }
        return text
    }

    /// Hex key ranges `0xSTART-0xEND`; the message names the field, the index and the reason.
    static func keyRanges(_ texts: [String], field: String) throws(RPCError) -> [KeyRange] {
        guard texts.count <= Limit.keyRangeCount else {
            throw invalid(field, "\(texts.count) entries is over the limit of \(Limit.keyRangeCount)")
        }
        var ranges: [KeyRange] = []
        ranges.reserveCapacity(texts.count)
        for (index, text) in texts.enumerated() {
            let entry = "\(field)[\(index)]"
            let checked = try bounded(text, field: entry, maximumBytes: Limit.keyRange)
            do {
                ranges.append(try KeyRange.parse(checked))
            } catch {
                throw invalid(entry, problem(with: checked, error))
            }
        }
        return ranges
    }

    /// AnalyzeSession's `extra` map: at most `Limit.extraEntries` entries, each key and value within its limit and
    /// free of U+0000; a message names a key only by its place, never quoting it.
    static func extra(_ entries: [String: String], field: String) throws(RPCError) {
        guard entries.count <= Limit.extraEntries else {
            throw invalid(field, "\(entries.count) entries is over the limit of \(Limit.extraEntries)")
        }
        for (index, key) in entries.keys.sorted().enumerated() {
            _ = try bounded(key, field: "\(field) key \(index + 1) (in sorted order)", maximumBytes: Limit.extraKey)
            _ = try bounded(entries[key] ?? "", field: "\(field)[\(key)]", maximumBytes: Limit.extraValue)
        }
    }

    /// A client's `idempotency-key` from the request metadata: nil when absent, refused when sent more than once.
    static func idempotencyKey(in metadata: Metadata) throws(RPCError) -> String? {
        let values = Array(metadata[stringValues: idempotencyKeyName])
        guard values.count <= 1 else {
            throw invalid(idempotencyKeyName, "sent \(values.count) times; expected at most one")
        }
        return try idempotencyKey(values.first)
    }

    /// A client's idempotency key: nil when absent, else 1 to `Limit.idempotencyKey` bytes of printable ASCII
    /// without spaces (0x21-0x7E), so it can be stored and logged as it came.
    static func idempotencyKey(_ value: String?) throws(RPCError) -> String? {
        guard let value else { return nil }
        guard !value.isEmpty else { throw invalid(idempotencyKeyName, "must not be empty") }
        let key = try bounded(value, field: idempotencyKeyName, maximumBytes: Limit.idempotencyKey)
        guard key.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) else {
            throw invalid(idempotencyKeyName, "must be printable ASCII without spaces (0x21-0x7E)")
        }
        return key
    }

    /// `text` cut to at most `maximumBytes` of UTF-8, ending on a character boundary: the part of a caller's
    /// text a message may quote.
    static func excerpt(_ text: String, maximumBytes: Int = Limit.quotedBytes) -> String {
        guard text.utf8.count > maximumBytes else { return text }
        var bytes = 0
        var end = text.startIndex
        while end < text.endIndex {
            bytes += text[end].utf8.count
            guard bytes <= maximumBytes else { break }
            end = text.index(after: end)
        }
        return String(text[..<end])
    }

    /// INVALID_ARGUMENT saying `problem` about `field`.
    private static func invalid(_ field: String, _ problem: String) -> RPCError {
        RPCError(code: .invalidArgument, message: "\(field): \(problem)")
    }

    /// `error` with the caller's text it quotes cut to an excerpt.
    private static func shortened(_ error: MomentParseError) -> MomentParseError {
        guard case let .malformed(input, expected) = error else { return error }
        return .malformed(input: excerpt(input), expected: expected)
    }

    /// What is wrong with scanned range `text`: it is quoted once, input and bound together within `Limit.quotedBytes`.
    private static func problem(with text: String, _ error: KeyRangeParseError) -> String {
        let half = Limit.quotedBytes / 2
        switch error {
        case .empty, .startAfterEnd:
            return "'\(excerpt(text))' \(error)"
        case let .wrongPartCount(input, parts):
            return "\(KeyRangeParseError.wrongPartCount(input: excerpt(input), parts: parts))"
        case let .missingHexPrefix(input, bound):
            return "\(KeyRangeParseError.missingHexPrefix(input: excerpt(input, maximumBytes: half), bound: excerpt(bound, maximumBytes: half)))"
        case let .invalidHex(input, bound):
            return "\(KeyRangeParseError.invalidHex(input: excerpt(input, maximumBytes: half), bound: excerpt(bound, maximumBytes: half)))"
        }
    }
}

extension String {
    /// The string without leading and trailing white space and newlines.
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
