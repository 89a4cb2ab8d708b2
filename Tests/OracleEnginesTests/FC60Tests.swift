import Testing

@testable import OracleEngines

@Suite("FC60 encoding")
struct FC60Tests {
    @Test(
        "token60 is the animal of n/5 then the element of n%5",
        arguments: [
            (0, "RAWU"), (26, "SNFI"), (59, "PIWA"), (8, "OXMT"), (30, "HOWU"),
        ]
    )
    func token60CombinesAnimalAndElement(n: Int, token: String) {
        #expect(FC60.token60(n) == token)
    }

    @Test("Base 60 writes the most significant digit first and prefixes negatives with NEG-")
    func base60Encoding() {
        #expect(FC60.encodeBase60(0) == "RAWU")
        #expect(FC60.encodeBase60(60) == "RAFI-RAWU")
        #expect(FC60.encodeBase60(2026) == "HOMT-ROFI")
        #expect(FC60.encodeBase60(-61) == "NEG-RAFI-RAFI")
    }

    @Test(
        "Decoding inverts encoding, including negatives and the extremes of Int",
        arguments: [0, 1, 59, 60, 3599, 3600, -1, -2026, 1_770_311_700, Int.max, Int.min + 1]
    )
    func base60RoundTrips(n: Int) {
        #expect(FC60.decodeBase60(FC60.encodeBase60(n)) == n)
    }

    @Test(
        "Decoding rejects unknown tokens, empty parts and overflow",
        arguments: ["", "RAWU-", "-RAWU", "XXWU", "rawu", "RAWUX", "NEG-", "PIWA-PIWA-PIWA-PIWA-PIWA-PIWA-PIWA-PIWA-PIWA-PIWA-PIWA-PIWA"]
    )
    func base60RejectsMalformedText(text: String) {
        #expect(FC60.decodeBase60(text) == nil)
    }

    @Test("The time-zone token is Z at UTC and signed hours and minutes otherwise")
    func timeZoneToken() throws {
        #expect(FC60.timeZoneToken(of: try Moment.parse(iso8601: "2026-02-06T01:15:00Z")) == "Z")
        #expect(FC60.timeZoneToken(of: try Moment.parse(iso8601: "2026-02-06T01:15:00-03:45")) == "-RAMT-ROWU")
    }

    @Test("The stamp switches from sun to moon at noon")
    func stampHalfOfDay() throws {
        let morning = try Moment.parse(iso8601: "2026-02-06T11:59:59Z")
        let afternoon = try Moment.parse(iso8601: "2026-02-06T12:00:00Z")
        #expect(FC60.stamp(of: morning).contains("☀"))
        #expect(FC60.stamp(of: afternoon) == "VE-OX-OXFI 🌙RA-RAWU-RAWU")
    }

    @Test("The year cycle runs from 4 CE, also before it")
    func ganzhiBeforeYearFour() {
        #expect(FC60.ganzhiYearToken(year: 4) == "JA-RA")
        #expect(FC60.ganzhiYearToken(year: 3) == "GU-PI")
        #expect(FC60.ganzhiYearToken(year: 1984) == "JA-RA")
    }

    @Test("Stems pair their elements and alternate Yang and Yin")
    func stemsCarryElementAndPolarity() {
        #expect(
            Stem.allCases.map(\.element.name) == [
                "Wood", "Wood", "Fire", "Fire", "Earth", "Earth", "Metal", "Metal", "Water", "Water",
            ]
        )
        #expect(Stem.allCases.map(\.polarity.name) == Array(repeating: ["Yang", "Yin"], count: 5).flatMap { $0 })
    }
}
