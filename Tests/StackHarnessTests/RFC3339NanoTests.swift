import Foundation
import StackHarness
import Testing

@Suite("Docker's RFC 3339 timestamps")
struct RFC3339NanoTests {
    @Test("nine fraction digits keep sub-microsecond precision")
    func nanoseconds() throws {
        let date = try #require(RFC3339Nano.date(from: "2026-11-29T04:01:38.610152096Z"))
        let whole = try #require(RFC3339Nano.date(from: "2026-11-29T04:01:38Z"))
        #expect(abs(date.timeIntervalSince(whole) - 0.610152096) < 1e-6)
        #expect(whole.timeIntervalSince1970 == 1_795_924_898)
    }

    @Test("offsets, fewer digits and a space for T")
    func variants() throws {
        let utc = try #require(RFC3339Nano.date(from: "2026-11-29T04:01:38.5Z"))
        #expect(RFC3339Nano.date(from: "2026-11-29T06:01:38.5+02:00") == utc)
        #expect(RFC3339Nano.date(from: "2026-11-28T23:01:38.5-05:00") == utc)
        #expect(RFC3339Nano.date(from: "2026-11-29 04:01:38.500000000Z") == utc)
    }

    @Test("Docker's zero time means never")
    func zeroTime() {
        #expect(RFC3339Nano.date(from: "0001-01-01T00:00:00Z") != nil)
        #expect(RFC3339Nano.optionalDate(from: "0001-01-01T00:00:00Z") == nil)
    }

    @Test(
        "malformed text is rejected",
        arguments: ["", "2026-11-29", "2026-11-29T04:01:38", "2026-13-01T00:00:00Z", "2026-11-29T04:01:38.Z", "2026-11-29T04:01:38Zjunk"]
    )
    func rejects(text: String) {
        #expect(RFC3339Nano.date(from: text) == nil)
    }

    @Test("formatting round-trips")
    func roundTrip() throws {
        let date = try #require(RFC3339Nano.date(from: "2026-11-29T04:01:38.610152Z"))
        let text = RFC3339Nano.string(from: date)
        #expect(text.hasPrefix("2026-11-29T04:01:38.6101"))
        #expect(text.hasSuffix("Z"))
        let back = try #require(RFC3339Nano.date(from: text))
        #expect(abs(back.timeIntervalSince(date)) < 1e-6)
        #expect(RFC3339Nano.string(from: Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000000000Z")
    }
}
