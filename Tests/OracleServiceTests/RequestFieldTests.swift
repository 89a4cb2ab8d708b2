import GRPCCore
import Testing

@testable import OracleService

/// Request validation without a server: limits in UTF-8 bytes, U+0000 refused, quoted input bounded, idempotency keys.
@Suite("Request fields")
struct RequestFieldTests {
    typealias Limit = RequestField.Limit

    /// Text of exactly `bytes` UTF-8 bytes: "日" (3 bytes each), then "a" for the remainder.
    static func multiByte(_ bytes: Int) -> String {
        String(repeating: "日", count: bytes / 3) + String(repeating: "a", count: bytes % 3)
    }

    /// The bytes of `message` between single quotes, all quoted parts together: how much input it echoes.
    static func quotedBytes(in message: String) -> Int {
        message.split(separator: "'", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }
            .reduce(0) { $0 + $1.element.utf8.count }
    }

    /// The INVALID_ARGUMENT `check` throws; records a failure when it passes or throws another code.
    static func refusal(
        sourceLocation: SourceLocation = #_sourceLocation,
        _ check: () throws -> Void
    ) -> RPCError? {
        let error = #expect(throws: RPCError.self, sourceLocation: sourceLocation) { try check() }
        #expect(error?.code == .invalidArgument, sourceLocation: sourceLocation)
        return error
    }

    // MARK: limits in bytes

    @Test("session_id: 42 × 日 (126 bytes) passes, 43 × 日 (129 bytes, 43 characters) is over 128 bytes")
    func sessionIDCountsBytes() throws {
        let fits = String(repeating: "日", count: 42)
        #expect(try RequestField.optionalText(fits, field: "session_id", maximumBytes: Limit.sessionID) == fits)
        let over = String(repeating: "日", count: 43)
        #expect(over.count < Limit.sessionID)
        let error = Self.refusal { _ = try RequestField.optionalText(over, field: "session_id", maximumBytes: Limit.sessionID) }
        #expect(error?.message == "session_id: 129 bytes (UTF-8) is over the limit of 128 bytes")
    }

    @Test(
        "Text at exactly its limit in bytes passes, one byte more is refused naming the field",
        arguments: [("name", Limit.name), ("question", Limit.question), ("session_id", Limit.sessionID)]
    )
    func textLimit(field: String, limit: Int) throws {
        #expect(try RequestField.text(Self.multiByte(limit), field: field, maximumBytes: limit).utf8.count == limit)
        let error = Self.refusal { _ = try RequestField.text(Self.multiByte(limit + 1), field: field, maximumBytes: limit) }
        #expect(error?.message == "\(field): \(limit + 1) bytes (UTF-8) is over the limit of \(limit) bytes")
    }

    @Test("The byte limit applies to the trimmed text, which is what is stored")
    func limitAfterTrimming() throws {
        let padded = "  " + Self.multiByte(Limit.sessionID) + "\n"
        #expect(try RequestField.text(padded, field: "session_id", maximumBytes: Limit.sessionID).utf8.count == Limit.sessionID)
    }

    @Test("A datetime of exactly 64 bytes parses; 65 bytes is refused before parsing")
    func datetimeLimit() throws {
        let prefix = "2026-02-06T01:15:00."
        let fits = prefix + String(repeating: "0", count: Limit.moment - prefix.utf8.count - 1) + "Z"
        #expect(fits.utf8.count == Limit.moment)
        let parsed = try RequestField.moment(fits, field: "datetime")
        #expect(parsed == (try RequestField.moment("2026-02-06T01:15:00Z", field: "datetime")))
        let error = Self.refusal { _ = try RequestField.moment(fits + "0", field: "datetime") }
        #expect(error?.message == "datetime: 65 bytes (UTF-8) is over the limit of 64 bytes")
    }

    @Test("A date of 64 bytes reaches the parser; 65 bytes is refused by its length")
    func dateLimit() {
        let atLimit = Self.refusal { _ = try RequestField.date("2026-02-06" + String(repeating: "日", count: 18), field: "date") }
        #expect(atLimit?.message.hasPrefix("date: '2026-02-06") == true, "\(atLimit?.message ?? "nil")")
        let over = Self.refusal { _ = try RequestField.date("2026-02-06" + String(repeating: "日", count: 18) + "a", field: "date") }
        #expect(over?.message == "date: 65 bytes (UTF-8) is over the limit of 64 bytes")
    }

    @Test("A scanned range of exactly 160 bytes is parsed; 161 bytes is refused naming the entry")
    func keyRangeLimit() throws {
        let bounds = "1-0x2"
        let fits = "0x" + String(repeating: "0", count: Limit.keyRange - 2 - bounds.utf8.count) + bounds
        #expect(fits.utf8.count == Limit.keyRange)
        #expect(try RequestField.keyRanges(["0x1-0x1", fits], field: "scanned_ranges").count == 2)
        let error = Self.refusal { _ = try RequestField.keyRanges(["0x1-0x1", "0" + fits], field: "scanned_ranges") }
        #expect(error?.message == "scanned_ranges[1]: 161 bytes (UTF-8) is over the limit of 160 bytes")
    }

    @Test("A widest range, two 256-bit bounds, fits the scanned range limit")
    func widestKeyRange() throws {
        let bound = "0x" + String(repeating: "f", count: 64)
        #expect(try RequestField.keyRanges([bound + "-" + bound], field: "scanned_ranges").count == 1)
    }

    @Test("10,000 scanned ranges are accepted; 10,001 are refused")
    func keyRangeCount() throws {
        let ranges = Array(repeating: "0x10-0x20", count: Limit.keyRangeCount)
        #expect(try RequestField.keyRanges(ranges, field: "scanned_ranges").count == Limit.keyRangeCount)
        let error = Self.refusal { _ = try RequestField.keyRanges(ranges + ["0x10-0x20"], field: "scanned_ranges") }
        #expect(error?.message == "scanned_ranges: 10001 entries is over the limit of 10000")
    }

    @Test("mode and model at 64 bytes pass unchanged, 65 bytes are refused")
    func sessionLabelLimit() throws {
        let fits = Self.multiByte(Limit.sessionLabel)
        #expect(try RequestField.bounded(fits, field: "mode", maximumBytes: Limit.sessionLabel) == fits)
        #expect(try RequestField.bounded("", field: "model", maximumBytes: Limit.sessionLabel) == "")
        let error = Self.refusal { _ = try RequestField.bounded(fits + "a", field: "model", maximumBytes: Limit.sessionLabel) }
        #expect(error?.message == "model: 65 bytes (UTF-8) is over the limit of 64 bytes")
    }

    // MARK: U+0000

    @Test("Text holding U+0000 is refused for every kind of field")
    func nulRefused() {
        let checks: [(field: String, check: () throws -> Void)] = [
            ("session_id", { _ = try RequestField.optionalText("ab\u{0}c", field: "session_id", maximumBytes: Limit.sessionID) }),
            ("name", { _ = try RequestField.text("\u{0}", field: "name", maximumBytes: Limit.name) }),
            ("mode", { _ = try RequestField.bounded("cpu\u{0}", field: "mode", maximumBytes: Limit.sessionLabel) }),
            ("datetime", { _ = try RequestField.moment("2026-02-06\u{0}", field: "datetime") }),
            ("date", { _ = try RequestField.date("2026-02-06\u{0}", field: "date") }),
            ("scanned_ranges[0]", { _ = try RequestField.keyRanges(["0x1-0x2\u{0}"], field: "scanned_ranges") }),
            ("idempotency-key", { _ = try RequestField.idempotencyKey("key\u{0}") }),
        ]
        for (field, check) in checks {
            #expect(Self.refusal(check)?.message == "\(field): must not contain U+0000 (NUL)")
        }
    }

    // MARK: quoted input

    @Test("excerpt keeps at most the given bytes and never splits a character")
    func excerpt() {
        #expect(RequestField.excerpt("short") == "short")
        #expect(RequestField.excerpt("abcdef", maximumBytes: 4) == "abcd")
        #expect(RequestField.excerpt("日日日", maximumBytes: 8) == "日日")
        #expect(RequestField.excerpt("ae\u{301}", maximumBytes: 2) == "a")
        #expect(RequestField.excerpt(String(repeating: "x", count: 10_240)).utf8.count == Limit.quotedBytes)
        #expect(RequestField.excerpt(Self.multiByte(10_240)).utf8.count == 255)
    }

    @Test("A 10 KB bad datetime or date gets a short message that quotes none of it")
    func longBadMoment() {
        for text in [String(repeating: "x", count: 10_240), Self.multiByte(10_240)] {
            let datetime = Self.refusal { _ = try RequestField.moment(text, field: "datetime") }
            #expect(datetime?.message == "datetime: 10240 bytes (UTF-8) is over the limit of 64 bytes")
            let date = Self.refusal { _ = try RequestField.date(text, field: "date") }
            #expect(date?.message == "date: 10240 bytes (UTF-8) is over the limit of 64 bytes")
        }
    }

    @Test("A malformed datetime within the limit is quoted whole, within 256 bytes")
    func malformedDatetimeQuoted() throws {
        let text = String(repeating: "日", count: 21)
        let error = try #require(Self.refusal { _ = try RequestField.moment(text, field: "datetime") })
        #expect(error.message.hasPrefix("datetime: '\(text)' is not a valid date-time"), "\(error.message)")
        #expect(Self.quotedBytes(in: error.message) == text.utf8.count)
    }

    @Test(
        "A malformed scanned range of 160 bytes is quoted within 256 bytes in all",
        arguments: [
            "0x" + String(repeating: "z", count: 77) + "-0x" + String(repeating: "z", count: 78),
            "1x" + String(repeating: "日", count: 51) + "-0x",
            String(repeating: "-", count: 160),
            "0x" + String(repeating: "f", count: 78) + "-0x" + String(repeating: "e", count: 77),
        ]
    )
    func malformedKeyRangeQuoted(text: String) throws {
        #expect(text.utf8.count <= Limit.keyRange)
        let error = try #require(Self.refusal { _ = try RequestField.keyRanges([text], field: "scanned_ranges") })
        #expect(error.message.hasPrefix("scanned_ranges[0]: "), "\(error.message)")
        #expect(Self.quotedBytes(in: error.message) <= Limit.quotedBytes, "\(error.message)")
        #expect(Self.quotedBytes(in: error.message) > 0, "\(error.message)")
    }

    // MARK: idempotency-key

    @Test(
        "idempotency-key: 1-128 bytes of printable ASCII without spaces is returned as it came",
        arguments: ["k", "retry-7f3a:1", "!~\"#%&'()*+,./;<=>?@[\\]^_`{|}", String(repeating: "K", count: 128)]
    )
    func validIdempotencyKey(key: String) throws {
        #expect(try RequestField.idempotencyKey(key) == key)
    }

    @Test(
        "idempotency-key: empty, over 128 bytes, spaces, controls and non-ASCII are INVALID_ARGUMENT naming it",
        arguments: ["", String(repeating: "K", count: 129), "two words", "tab\t", "del\u{7F}", "é", "日本", "line\n"]
    )
    func invalidIdempotencyKey(key: String) {
        let error = Self.refusal { _ = try RequestField.idempotencyKey(key) }
        #expect(error?.message.hasPrefix("idempotency-key: ") == true, "\(error?.message ?? "nil")")
    }

    @Test("idempotency-key is optional: absent is nil")
    func absentIdempotencyKey() throws {
        #expect(try RequestField.idempotencyKey(nil) == nil)
        #expect(try RequestField.idempotencyKey(in: [:]) == nil)
    }

    @Test("idempotency-key read from metadata: one value is checked, two are refused")
    func idempotencyKeyInMetadata() throws {
        #expect(try RequestField.idempotencyKey(in: ["idempotency-key": "abc-1"]) == "abc-1")
        #expect(try RequestField.idempotencyKey(in: ["Idempotency-Key": "abc-1"]) == "abc-1")
        _ = Self.refusal { _ = try RequestField.idempotencyKey(in: ["idempotency-key": "a b"]) }
        var twiceSent = Metadata()
        twiceSent.addString("a", forKey: "idempotency-key")
        twiceSent.addString("b", forKey: "idempotency-key")
        let twice = Self.refusal { _ = try RequestField.idempotencyKey(in: twiceSent) }
        #expect(twice?.message == "idempotency-key: sent 2 times; expected at most one")
    }

    // MARK: AnalyzeSession's extra map

    @Test("extra: 64 entries at their limits pass; a 65th entry, a long key, a long value or U+0000 is INVALID_ARGUMENT naming extra")
    func extraLimits() throws {
        let full = Dictionary(
            uniqueKeysWithValues: (0..<Limit.extraEntries).map {
                (String(format: "%02d", $0) + String(repeating: "k", count: Limit.extraKey - 2), Self.multiByte(Limit.extraValue))
            }
        )
        try RequestField.extra(full, field: "extra")
        var tooMany = full
        tooMany["one-more"] = "v"
        #expect(Self.refusal { try RequestField.extra(tooMany, field: "extra") }?.message == "extra: 65 entries is over the limit of 64")
        let longKey = String(repeating: "K", count: 10_000)
        let keyError = Self.refusal { try RequestField.extra([longKey: "v"], field: "extra") }
        #expect(keyError?.message == "extra key 1 (in sorted order): 10000 bytes (UTF-8) is over the limit of 64 bytes")
        let valueError = Self.refusal { try RequestField.extra(["note": String(repeating: "V", count: 1025)], field: "extra") }
        #expect(valueError?.message == "extra[note]: 1025 bytes (UTF-8) is over the limit of 1024 bytes")
        let nul = Self.refusal { try RequestField.extra(["note": "a\u{0}b"], field: "extra") }
        #expect(nul?.message == "extra[note]: must not contain U+0000 (NUL)")
    }
}
