import Foundation
import LogTimeFormat
import Testing

/// The encoder alone: timestamps, escaping, metadata shapes and key clashes.
@Suite struct EncodedLogLineTests {
    private func encode(
        message: String = "hello",
        error: String? = nil,
        metadata: [String: LogMetadataValue] = [:],
        at unixMilliseconds: Int = 1_795_922_721_123
    ) -> String {
        let line = EncodedLogLine(
            time: UnixInstant(unixMilliseconds: unixMilliseconds),
            level: "info",
            message: message,
            label: "oracle.test",
            source: "OracleServiceTests",
            error: error,
            metadata: metadata
        )
        return String(decoding: line.bytes, as: UTF8.self)
    }

    /// Parses one line as a JSON object the way a log collector would.
    private func object(_ line: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test func fixedFieldsComeFirstInSpecOrder() {
        #expect(
            encode().hasPrefix(
                #"{"time":"2026-11-29T03:25:21.123Z","level":"info","message":"hello","label":"oracle.test","source":"OracleServiceTests""#
            )
        )
        #expect(encode().hasSuffix("}\n"))
    }

    @Test(arguments: [
        0, 1_795_922_721_123, 1_709_164_800_999, 951_782_400_000, 4_102_444_799_999, -1, -86_400_001,
        253_402_300_799_999,
    ])
    func timestampMatchesFoundationISO8601(unixMilliseconds: Int) throws {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        let expected = formatter.string(from: Date(timeIntervalSince1970: Double(unixMilliseconds) / 1000))
        let object = try object(encode(at: unixMilliseconds))
        #expect(object["time"] as? String == expected)
    }

    @Test(arguments: [
        #"say "hi""#, "back\\slash", "two\nlines\r\nand\ttab", "nul\u{0}bell\u{7}esc\u{1B}unit\u{1F}del\u{7F}",
        "\u{8}\u{C}", "naïve café 日本語 🔮 \u{2028}\u{2029}", "", "{\"message\":\"forged\"}\n{",
    ])
    func messageRoundTripsThroughAStrictParserOnOneLine(message: String) throws {
        let line = encode(message: message, error: message, metadata: ["field": .string(message)])
        #expect(line.utf8.filter { $0 < 0x20 } == [UInt8(ascii: "\n")], "only the terminating newline is raw")
        let object = try object(String(line.dropLast()))
        #expect(object["message"] as? String == message)
        #expect(object["error"] as? String == message)
        #expect(object["field"] as? String == message)
    }

    @Test func controlCharactersUseShortOrUnicodeEscapes() {
        let line = encode(message: "\u{0}\u{1F}\n\t\u{8}\u{C}\r")
        #expect(line.contains(#""message":"\u0000\u001f\n\t\b\f\r""#))
    }

    @Test func nestedMetadataBecomesJSONObjectsAndArrays() throws {
        let object = try object(
            encode(metadata: [
                "request_id": .string("r-1"),
                "attempt": .string("3"),
                "peer": .dictionary(["host": .string("db"), "ports": .array([.string("5432"), .string("6432")])]),
                "tags": .array([.string("a"), .dictionary(["nested": .string("yes")])]),
            ])
        )
        #expect(object["request_id"] as? String == "r-1")
        #expect(object["attempt"] as? String == "3")
        let peer = try #require(object["peer"] as? [String: Any])
        #expect(peer["host"] as? String == "db")
        #expect(peer["ports"] as? [String] == ["5432", "6432"])
        let tags = try #require(object["tags"] as? [Any])
        #expect(tags.first as? String == "a")
        #expect((tags.last as? [String: Any])?["nested"] as? String == "yes")
    }

    @Test func nestedKeysAreWrittenSortedAndNeverPrefixed() {
        let line = encode(metadata: ["peer": .dictionary(["time": .string("t"), "b": .string("2"), "a": .string("1")])])
        #expect(line.contains(#""peer":{"a":"1","b":"2","time":"t"}"#), "only top-level keys can clash")
    }

    @Test func clashingMetadataKeysArePrefixedNotAllowedToOverwrite() throws {
        let line = encode(
            error: "boom",
            metadata: [
                "message": .string("from metadata"), "meta_message": .string("taken"), "time": .string("t"),
                "level": .string("l"), "label": .string("x"), "source": .string("s"), "error": .string("e"),
            ]
        )
        let object = try object(line)
        #expect(object["message"] as? String == "hello")
        #expect(object["meta_message"] as? String == "taken")
        #expect(object["meta_meta_message"] as? String == "from metadata")
        #expect(object["time"] as? String == "2026-11-29T03:25:21.123Z")
        #expect(object["meta_time"] as? String == "t")
        #expect(object["level"] as? String == "info")
        #expect(object["meta_level"] as? String == "l")
        #expect(object["label"] as? String == "oracle.test")
        #expect(object["meta_label"] as? String == "x")
        #expect(object["meta_source"] as? String == "s")
        #expect(object["error"] as? String == "boom")
        #expect(object["meta_error"] as? String == "e")
        #expect(object.count == 13, "no key was emitted twice or lost")
    }

    @Test func aMetadataErrorWithoutACallErrorIsStillPrefixed() throws {
        let object = try object(encode(metadata: ["error": .string("from metadata")]))
        #expect(object["error"] == nil, "the reserved key stays the call's own")
        #expect(object["meta_error"] as? String == "from metadata")
    }

    @Test func theReservedKeysAreTheFieldsWrittenInOrder() {
        #expect(LogLineKey.allCases.map(\.rawValue) == ["time", "level", "message", "label", "source", "error"])
        #expect(LogLineKey.reserved == Set(LogLineKey.allCases.map(\.rawValue)))
        #expect(LogLineKey.required == [.time, .level, .message])
    }
}
