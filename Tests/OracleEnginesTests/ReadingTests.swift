import Testing

@testable import OracleEngines

@Suite("Readings of moments, names and days")
struct ReadingTests {
    @Test("A moment with an offset is read in its own local time")
    func momentReadInLocalTime() throws {
        let reading = MomentReading(moment: try Moment.parse(iso8601: "2026-02-06T01:15:00+08:00"))
        #expect(reading.stamp == "VE-OX-OXFI ☀OX-RUWU-RAWU")
        #expect(reading.numerology.dayVibration == 6)
        #expect(reading.fc60.dayNumber == 6)
        #expect(reading.zodiac.name == "Aquarius")
    }

    @Test("The FC60 reading of 2026-02-06 follows the year stem BI and branch Horse")
    func fc60ReadingFields() throws {
        let fc60 = FC60Reading(moment: try Moment.parse(iso8601: "2026-02-06T01:15:00+08:00"))
        #expect(fc60.cycle == 2_461_078 % 60)
        #expect(fc60.stem == .bi)
        #expect(fc60.element == .fire)
        #expect(fc60.polarity == .yang)
        #expect(fc60.branch.name == "Horse")
        #expect([fc60.yearNumber, fc60.monthNumber, fc60.dayNumber] == [1, 2, 6])
        #expect(abs(fc60.energyLevel - 0.80618787) < 1e-6)
        #expect(fc60.elementBalance == ["Wood": 0.2, "Fire": 0.4, "Earth": 0.2, "Metal": 0.2, "Water": 0.2])
    }

    @Test("The numerology reading follows the contract formulas")
    func numerologyReadingFields() throws {
        let numerology = NumerologyReading(moment: try Moment.parse(date: "2026-12-29"))
        // 29 → 11 kept; 12 → 3; 2026 → 10 → 1.
        #expect(numerology.lifePath == Numerology.reduce(11 + 3 + 1))
        #expect(numerology.dayVibration == 11)
        #expect(numerology.personalYear == 6)
        #expect(numerology.personalMonth == 4)
        #expect(numerology.personalDay == 6)
        #expect(numerology.interpretation.contains("Life path 6"))
    }

    @Test(
        "Zodiac signs change on their first day, Capricorn spanning the new year",
        arguments: [
            (1, 1, "Capricorn"), (1, 19, "Capricorn"), (1, 20, "Aquarius"), (2, 18, "Aquarius"), (2, 19, "Pisces"),
            (3, 20, "Pisces"), (3, 21, "Aries"), (6, 21, "Cancer"), (7, 23, "Leo"), (12, 21, "Sagittarius"),
            (12, 22, "Capricorn"), (12, 31, "Capricorn"),
        ]
    )
    func zodiacBoundaries(month: Int, day: Int, sign: String) {
        #expect(ZodiacSign(month: month, day: day).name == sign)
    }

    @Test("The zodiac carries element and ruling planet")
    func zodiacDetails() {
        let leo = ZodiacSign(month: 8, day: 1)
        #expect([leo.name, leo.element, leo.rulingPlanet] == ["Leo", "Fire", "Sun"])
    }

    @Test("The Chinese year of 2026 is the Yang Fire Horse, of 2025 the Yin Wood Snake")
    func chineseYear() {
        let horse = ChineseYear(year: 2026)
        #expect([horse.animal.name, horse.element.name, horse.polarity.name] == ["Horse", "Fire", "Yang"])
        let snake = ChineseYear(year: 2025)
        #expect([snake.animal.name, snake.element.name, snake.polarity.name] == ["Snake", "Wood", "Yin"])
    }

    @Test("The summary names the stamp, the year, the sign and the moon")
    func summaryIsRuleBased() throws {
        let reading = MomentReading(moment: try Moment.parse(iso8601: "2026-02-06T01:15:00+08:00"))
        for part in ["VE-OX-OXFI", "Yang Fire year of the Horse", "Aquarius", "Waning Gibbous", "81% lit", "Life path 9"] {
            #expect(reading.summary.contains(part), "summary lacks \(part): \(reading.summary)")
        }
    }

    @Test("A name reading lists every A–Z letter uppercased with value and element, skipping others")
    func nameReadingLetters() {
        let reading = NameReading(name: "Zoë d'Arc")
        #expect(reading.letters.map { String($0.letter) }.joined() == "ZODARC")
        #expect(reading.letters.map(\.value) == [8, 6, 4, 1, 9, 3])
        #expect(reading.letters.map(\.element.name) == ["Metal", "Fire", "Water", "Fire", "Water", "Metal"])
        #expect(reading.interpretation.contains("Destiny \(reading.destiny)"))
    }

    @Test("A name without A–Z letters reads as zeros with no letters")
    func nameWithoutLatinLetters() {
        let reading = NameReading(name: "Жанна")
        #expect([reading.destiny, reading.soulUrge, reading.personality] == [0, 0, 0])
        #expect(reading.letters.isEmpty)
    }

    @Test("The daily insight is deterministic and its lucky numbers are distinct")
    func dailyInsight() throws {
        let day = try Moment.parse(date: "2026-02-06")
        let insight = DailyInsight(date: day)
        #expect(insight == DailyInsight(date: day))
        #expect(insight.date == "2026-02-06")
        #expect(Set(insight.luckyNumbers).count == insight.luckyNumbers.count)
        #expect(insight.luckyNumbers.first == String(insight.reading.numerology.lifePath))
        #expect(insight.luckyNumbers.contains(String(insight.reading.fc60.cycle)))
        #expect(!insight.optimalActivity.isEmpty)
        #expect(insight.insight.contains("Personal day \(insight.reading.numerology.personalDay)"))
    }
}
