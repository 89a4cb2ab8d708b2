import Foundation
import LogTimeFormat
import Testing

/// Civil dates and RFC 3339 times at the two precisions: the services' milliseconds and Docker's nanoseconds.
@Suite struct RFC3339Tests {
    @Test func civilDatesRoundTripOverEightHundredYearsAndMatchKnownDays() {
        for days in stride(from: -146_097, through: 146_097, by: 7) {
            #expect(CivilDate(daysSinceUnixEpoch: days).daysSinceUnixEpoch == days)
        }
        #expect(CivilDate(daysSinceUnixEpoch: 0) == CivilDate(year: 1970, month: 1, day: 1))
        #expect(CivilDate(daysSinceUnixEpoch: -1) == CivilDate(year: 1969, month: 12, day: 31))
        #expect(CivilDate(year: 2000, month: 2, day: 29).daysSinceUnixEpoch == 11_016)
        #expect(CivilDate(year: 2000, month: 1, day: 1).daysSinceUnixEpoch + 2_440_588 == 2_451_545, "JDN of J2000")
        #expect(CivilDate(year: 1, month: 1, day: 1).daysSinceUnixEpoch == -719_162)
    }

    @Test func formatsMillisecondsAndNanosecondsTruncatingTheFraction() {
        let instant = UnixInstant(seconds: 1_795_924_898, nanoseconds: 610_152_096)
        #expect(instant.rfc3339(.nanoseconds) == "2026-11-29T04:01:38.610152096Z")
        #expect(instant.rfc3339(.milliseconds) == "2026-11-29T04:01:38.610Z")
        #expect(UnixInstant(seconds: 0).rfc3339(.nanoseconds) == "1970-01-01T00:00:00.000000000Z")
        #expect(UnixInstant(unixMilliseconds: -1).rfc3339(.milliseconds) == "1969-12-31T23:59:59.999Z")
    }

    @Test func nanosecondsCarryIntoSeconds() {
        #expect(UnixInstant(seconds: 10, nanoseconds: 1_500_000_000) == UnixInstant(seconds: 11, nanoseconds: 500_000_000))
        #expect(UnixInstant(seconds: 10, nanoseconds: -1) == UnixInstant(seconds: 9, nanoseconds: 999_999_999))
        #expect(UnixInstant(seconds: 1) < UnixInstant(seconds: 1, nanoseconds: 1))
    }

    @Test func parsesDockerAndServiceTimesWithOffsetsAndVariants() throws {
        let docker = try #require(UnixInstant(rfc3339: "2026-11-29T04:01:38.610152096Z"))
        #expect(docker == UnixInstant(seconds: 1_795_924_898, nanoseconds: 610_152_096))
        #expect(UnixInstant(rfc3339: "2026-11-29T04:01:38.610Z")?.nanoseconds == 610_000_000)
        let utc = try #require(UnixInstant(rfc3339: "2026-11-29T04:01:38.5Z"))
        #expect(UnixInstant(rfc3339: "2026-11-29T06:01:38.5+02:00") == utc)
        #expect(UnixInstant(rfc3339: "2026-11-28T23:01:38.5-05:00") == utc)
        #expect(UnixInstant(rfc3339: "2026-11-29 04:01:38.500000000Z") == utc)
        #expect(UnixInstant(rfc3339: "2026-11-29t04:01:38.5z") == utc)
        #expect(UnixInstant(rfc3339: "2026-11-29T04:01:38.6101520961234Z") == docker, "digits past nine are dropped")
        #expect(UnixInstant(rfc3339: "0001-01-01T00:00:00Z") == UnixInstant(seconds: -62_135_596_800))
    }

    @Test(arguments: [
        "", "2026-11-29", "2026-11-29T04:01:38", "2026-13-01T00:00:00Z", "2026-11-29T04:01:38.Z",
        "2026-11-29T04:01:38Zjunk", "2026-11-29T24:00:00Z", "2026-11-29T04:01:38+0200", "2026-11-29X04:01:38Z",
    ])
    func rejectsMalformedText(text: String) {
        #expect(UnixInstant(rfc3339: text) == nil)
    }

    @Test(arguments: [Int(0), 1_795_924_898_610, -86_400_001, 253_402_300_799_999])
    func millisecondTextRoundTripsAndMatchesFoundation(unixMilliseconds: Int) throws {
        let instant = UnixInstant(unixMilliseconds: unixMilliseconds)
        let text = instant.rfc3339(.milliseconds)
        #expect(UnixInstant(rfc3339: text) == instant)
        let parsed = try #require(ISO8601DateFormatter.withFractionalSeconds.date(from: text))
        #expect(Int((parsed.timeIntervalSince1970 * 1000).rounded()) == unixMilliseconds)
    }
}

extension ISO8601DateFormatter {
    /// Parses `2026-02-06T01:15:00.123Z`.
    fileprivate static var withFractionalSeconds: ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }
}
