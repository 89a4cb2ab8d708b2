import Testing

@testable import OracleEngines

@Suite("Moment parsing and calendar")
struct MomentTests {
    @Test(
        "ISO 8601 forms the contract accepts",
        arguments: [
            ("2026-02-06T01:15:00+08:00", 1, 15, 0, 28_800),
            ("2026-02-06T01:15:00Z", 1, 15, 0, 0),
            ("2026-02-06T01:15:00+0800", 1, 15, 0, 28_800),
            ("2026-02-06T01:15:00-05:30", 1, 15, 0, -19_800),
            ("2026-02-06T01:15:00", 1, 15, 0, 0),
            ("2026-02-06 01:15:00+08:00", 1, 15, 0, 28_800),
            ("2026-02-06T01:15:07.987654Z", 1, 15, 7, 0),
            ("2026-02-06T01:15", 1, 15, 0, 0),
            ("2026-02-06", 0, 0, 0, 0),
        ]
    )
    func acceptsContractForms(text: String, hour: Int, minute: Int, second: Int, offset: Int) throws {
        let moment = try Moment.parse(iso8601: text)
        #expect([moment.year, moment.month, moment.day] == [2026, 2, 6])
        #expect([moment.hour, moment.minute, moment.second, moment.utcOffsetSeconds] == [hour, minute, second, offset])
    }

    @Test(
        "Malformed texts are rejected as malformed",
        arguments: [
            "", "2026", "2026-2-6", "26-02-06", "2026/02/06", "2026-02-06T", "2026-02-06T01", "2026-02-06T1:15:00",
            "2026-02-06T01:15:00+8", "2026-02-06T01:15:00+08:0", "2026-02-06T01:15:00.", "2026-02-06T01:15:00ZZ",
            "2026-02-06T01:15:00 UTC", " 2026-02-06", "2026-02-06x", "２０２６-02-06", "now",
        ]
    )
    func rejectsMalformedText(text: String) {
        do {
            _ = try Moment.parse(iso8601: text)
            Issue.record("'\(text)' was accepted")
        } catch {
            guard case .malformed(let input, _) = error else {
                Issue.record("'\(text)' gave \(error), not malformed")
                return
            }
            #expect(input == text)
        }
    }

    @Test(
        "Impossible dates and times are rejected with a reason",
        arguments: [
            ("2026-02-30T00:00:00Z", "day 30 does not exist in month 2 of year 2026"),
            ("2025-02-29", "day 29 does not exist in month 2 of year 2025"),
            ("2026-13-01", "month 13 is out of range 1-12"),
            ("2026-00-10", "month 0 is out of range 1-12"),
            ("2026-02-06T24:00:00Z", "hour 24 is out of range 0-23"),
            ("2026-02-06T12:60:00Z", "minute 60 is out of range 0-59"),
            ("2026-02-06T12:00:60Z", "second 60 is out of range 0-59"),
            ("2026-02-06T12:00:00+08:60", "UTC offset of 32400 seconds is out of range (must be less than 24 hours, minutes 0-59)"),
        ]
    )
    func rejectsImpossibleValues(text: String, reason: String) {
        do {
            _ = try Moment.parse(iso8601: text)
            Issue.record("\(text) was accepted")
        } catch {
            #expect(error.description == reason)
        }
    }

    @Test("A malformed text's message names the text and the expected forms")
    func malformedMessageNamesInput() {
        do {
            _ = try Moment.parse(iso8601: "tomorrow")
            Issue.record("accepted")
        } catch {
            #expect(error.description.hasPrefix("'tomorrow' is not a valid date-time; expected YYYY-MM-DD"))
        }
    }

    @Test("A strict date takes only YYYY-MM-DD, as midnight UTC")
    func strictDate() throws {
        let moment = try Moment.parse(date: "2024-02-29")
        #expect(moment == (try Moment(year: 2024, month: 2, day: 29)))
        #expect(throws: MomentParseError.self) { try Moment.parse(date: "2024-02-29T00:00:00Z") }
        #expect(throws: MomentParseError.self) { try Moment.parse(date: "2024-2-29") }
        #expect(throws: MomentParseError.dayOutOfRange(day: 29, month: 2, year: 1900)) {
            try Moment.parse(date: "1900-02-29")
        }
    }

    @Test("2000-01-01 is JDN 2451545, a Saturday")
    func julianDayOfY2K() throws {
        let moment = try Moment.parse(date: "2000-01-01")
        #expect(moment.julianDayNumber == 2_451_545)
        #expect(moment.weekdayIndex == 6)
        #expect(moment.weekday == .saturday)
    }

    @Test(
        "Unix seconds become wall time at an offset, before and after 1970",
        arguments: [
            (Int64(0), 0, "1970-01-01T00:00:00Z"),
            (Int64(-1), 0, "1969-12-31T23:59:59Z"),
            (Int64(1_770_311_700), 28_800, "2026-02-06T01:15:00+08:00"),
            (Int64(951_782_400), 0, "2000-02-29T00:00:00Z"),
            (Int64(-62_135_596_800), 0, "0001-01-01T00:00:00Z"),
        ]
    )
    func unixSecondsToWallTime(seconds: Int64, offset: Int, text: String) {
        let moment = Moment(unixSeconds: seconds, utcOffsetSeconds: offset)
        #expect(moment.iso8601 == text)
        #expect(moment.unixSeconds == seconds)
    }

    @Test("inUTC keeps the instant and moves the wall clock")
    func inUTCKeepsInstant() throws {
        let local = try Moment.parse(iso8601: "2026-02-06T01:15:00+08:00")
        let utc = local.inUTC
        #expect(utc.iso8601 == "2026-02-05T17:15:00Z")
        #expect(utc.unixSeconds == local.unixSeconds)
        #expect(utc.weekday == .thursday)
    }

    @Test("Formatting writes offsets with sign and minutes")
    func formatting() throws {
        let moment = try Moment.parse(iso8601: "1999-12-31 12:00:00+0530")
        #expect(moment.iso8601 == "1999-12-31T12:00:00+05:30")
        #expect(moment.isoDate == "1999-12-31")
    }
}
