import Foundation
import Testing

@testable import StandInSupport

/// The stand-ins' stdout log lines: one JSON object each, with the Oracle's first fields.
@Suite("JSON lines log handler")
struct JSONLinesLogHandlerTests {
    @Test("a line is one JSON object with time, level, message, label and the metadata")
    func line() throws {
        let text = JSONLinesLogHandler.line(
            time: Date(timeIntervalSince1970: 1_770_311_700.25),
            level: .info,
            message: "Range \"suggestion\"\nfrom Oracle\u{1}",
            label: "nps.scanner",
            metadata: ["strategy": "gap_fill", "message": "clash", "nested": ["a": "b"]]
        )
        #expect(text.hasSuffix("}\n"))
        #expect(text.dropLast().contains("\n") == false)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["time"] as? String == "2026-02-05T17:15:00.250Z")
        #expect(object["level"] as? String == "info")
        #expect(object["message"] as? String == "Range \"suggestion\"\nfrom Oracle\u{1}")
        #expect(object["label"] as? String == "nps.scanner")
        #expect(object["strategy"] as? String == "gap_fill")
        #expect(object["meta_message"] as? String == "clash")
        #expect(object["nested"] as? String == #"["a": "b"]"#)
        #expect(text.hasPrefix(#"{"time":"#))
    }
}
