import Testing

@testable import OracleEngines

@Suite("Timing alignment")
struct TimingAlignmentTests {
    @Test("The score is the mean of moon, day, hour and weekday, taken in UTC")
    func scoreIsMeanOfFactorsInUTC() throws {
        // 2026-02-06 01:15 +08:00 is Thursday 2026-02-05 17:15 UTC: Waning Gibbous 0.7,
        // day 2033 → 8 → 0.9, hour 17 → 8 → 0.85, Thursday 0.9.
        let timing = TimingAlignment(moment: try Moment.parse(iso8601: "2026-02-06T01:15:00+08:00"))
        #expect(timing.factors == ["moon": 0.7, "day": 0.9, "hour": 0.85, "weekday": 0.9])
        #expect(abs(timing.score - 0.8375) < 1e-12)
        #expect(timing.quality == .excellent)
        #expect(timing.moonPhase.name == "Waning Gibbous")
        #expect(timing.moment.iso8601 == "2026-02-05T17:15:00Z")
    }

    @Test("A quiet hour of the same day scores lower")
    func quietHourScoresLower() throws {
        let timing = TimingAlignment(moment: try Moment.parse(iso8601: "2026-02-05T02:00:00Z"))
        #expect(timing.factors["hour"] == 0.45)
        #expect(timing.quality == .good)
    }

    @Test("Hour 0 counts as 1")
    func midnightCountsAsOne() {
        #expect(TimingAlignment.hourScore(0) == 0.85)
        #expect(TimingAlignment.hourScore(3) == 0.65)
        #expect(TimingAlignment.hourScore(2) == 0.45)
        #expect(TimingAlignment.hourScore(22) == 0.85)
    }

    @Test(
        "Quality bands start at 0.8, 0.65 and 0.5",
        arguments: [
            (0.8, TimingQuality.excellent), (0.79, .good), (0.65, .good), (0.6499, .fair), (0.5, .fair),
            (0.4999, .poor), ((1.0 + 0.9 + 0.85 + 0.45) / 4, .excellent),
        ]
    )
    func qualityBands(score: Double, quality: TimingQuality) {
        #expect(TimingQuality(score: score) == quality)
    }

    @Test("Optimal hours are the five best of the UTC day, earlier hour first on a tie")
    func optimalHoursAreTheFiveBest() throws {
        let timing = TimingAlignment(moment: try Moment.parse(iso8601: "2026-02-06T01:15:00+08:00"))
        #expect(timing.optimalHours.map(\.hour) == [0, 1, 8, 9, 10])
        let day = timing.moment
        for optimal in timing.optimalHours {
            let atHour = TimingAlignment(
                moment: try Moment(year: day.year, month: day.month, day: day.day, hour: optimal.hour)
            )
            #expect(optimal.score == atHour.score)
            #expect(optimal.reason.hasPrefix("Hour \(optimal.hour) UTC"))
        }
        let allScores = try (0..<24).map {
            TimingAlignment(moment: try Moment(year: day.year, month: day.month, day: day.day, hour: $0)).score
        }
        #expect(timing.optimalHours.last!.score >= allScores.sorted(by: >)[4])
    }
}
