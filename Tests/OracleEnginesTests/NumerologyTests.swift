import Testing

@testable import OracleEngines

@Suite("Pythagorean numerology")
struct NumerologyTests {
    @Test(
        "Reduction sums digits to one digit but stops at 11, 22 and 33",
        arguments: [
            (0, 0), (9, 9), (10, 1), (11, 11), (19, 1), (22, 22), (29, 11), (33, 33), (38, 11), (99, 9),
            (1999, 1), (-38, 11),
        ]
    )
    func reduceStopsAtMasterNumbers(n: Int, reduced: Int) {
        #expect(Numerology.reduce(n) == reduced)
    }

    @Test("Letters run 1–9 from A, J and S")
    func letterValues() {
        #expect("ABCDEFGHI".map(Numerology.letterValue) == Array(1...9))
        #expect("JKLMNOPQR".map(Numerology.letterValue) == Array(1...9))
        #expect("STUVWXYZ".map(Numerology.letterValue) == Array(1...8))
    }

    @Test("Lowercase letters count like uppercase")
    func lowercaseCountsLikeUppercase() {
        #expect(
            "abcdefghijklmnopqrstuvwxyz".map(Numerology.letterValue)
                == "ABCDEFGHIJKLMNOPQRSTUVWXYZ".map(Numerology.letterValue)
        )
        #expect(Numerology.expression(of: "ada lovelace") == Numerology.expression(of: "ADA LOVELACE"))
    }

    @Test(
        "Characters outside A–Z count 0, accents are not folded",
        arguments: [
            "é", "É", "ß", "ø", "1", " ", "-", "'", "Ж", "e\u{301}", "🙂",
        ] as [Character]
    )
    func nonLatinLettersCountZero(character: Character) {
        #expect(Numerology.letterValue(character) == 0)
    }

    @Test("An accented vowel is neither vowel nor consonant")
    func accentedVowelCountsNowhere() {
        #expect(Numerology.soulUrge(of: "Zoë") == Numerology.soulUrge(of: "Zo"))
        #expect(Numerology.personality(of: "Zoë") == Numerology.personality(of: "Zo"))
    }

    @Test("Y is a consonant")
    func yIsConsonant() {
        #expect(Numerology.soulUrge(of: "Y") == 0)
        #expect(Numerology.personality(of: "Y") == 7)
    }

    @Test("Letter elements cycle Fire, Earth, Metal, Water, Wood from 1")
    func letterElements() {
        #expect(
            (1...9).compactMap { Numerology.letterElement(value: $0)?.name } == [
                "Fire", "Earth", "Metal", "Water", "Wood", "Fire", "Earth", "Metal", "Water",
            ]
        )
        #expect(Numerology.letterElement(value: 0) == nil)
    }

    @Test("Personal month and day add to the reduced year digit sum")
    func personalMonthAndDay() {
        // 2026 → digit sum 10 → 1.
        #expect(Numerology.personalMonth(month: 2, year: 2026) == 3)
        #expect(Numerology.personalDay(day: 6, month: 2, year: 2026) == 9)
        #expect(Numerology.personalDay(day: 29, month: 12, year: 2026) == 6)
    }

    @Test("Master numbers reached by a life path are kept")
    func lifePathKeepsMasterNumbers() {
        // 28 → 1, 12 → 3, 1969 → 25 → 7: 1 + 3 + 7 = 11.
        #expect(Numerology.lifePath(year: 1969, month: 12, day: 28) == 11)
    }
}
