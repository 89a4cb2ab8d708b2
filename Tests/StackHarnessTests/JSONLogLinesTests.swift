import Foundation
import StackHarness
import Testing

@Suite("JSON log lines")
struct JSONLogLinesTests {
    @Test("objects are parsed; anything else is reported with its line number")
    func mixed() throws {
        let text = """
            {"time":"2026-11-29T04:01:38.610152Z","level":"info","message":"Oracle service started","label":"nps.oracle"}
            Oracle service started (plain text)

            {"time":"2026-11-29T04:01:39Z","level":"error","message":"Connection refused"}
            [1, 2]
            {"level":"info"}

            """
        let lines = JSONLogLines(text: text)
        #expect(lines.entries.map(\.lineNumber) == [1, 4, 6])
        #expect(lines.rejected.map(\.lineNumber) == [2, 5])
        #expect(lines.rejected.first?.text == "Oracle service started (plain text)")
        let first = try #require(lines.entries.first)
        #expect(first.message == "Oracle service started")
        #expect(first.level == "info")
        #expect(first.time == RFC3339Nano.date(from: "2026-11-29T04:01:38.610152Z"))
        #expect(first.fields["label"]?.string == "nps.oracle")
        #expect(first.hasRequiredFields)
        #expect(lines.entries.last?.hasRequiredFields == false)
        #expect(lines.entries(atLevels: ["ERROR", "critical"]).map(\.lineNumber) == [4])
    }
}
