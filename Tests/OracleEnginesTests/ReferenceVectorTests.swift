import Foundation
import Testing

@testable import OracleEngines

@Suite("Reference vectors of the original engines")
struct ReferenceVectorTests {
    @Test("The reference file is found and holds 8 fc60 and 5 numerology vectors")
    func referenceFileIsPresentAndComplete() throws {
        let vectors = try ReferenceVectors.load()
        #expect(vectors.fc60.count == 8)
        #expect(vectors.numerology.count == 5)
    }

    @Test(
        "The repository's copy is byte for byte the published ../shared/reference/fc60-vectors.json",
        .enabled(if: FileManager.default.fileExists(atPath: ReferenceVectors.publishedDirectory.path))
    )
    func copyMatchesPublishedReference() throws {
        let name = "fc60-vectors.json"
        let copy = try Data(contentsOf: ReferenceVectors.repositoryCopyDirectory.appendingPathComponent(name))
        let published = try Data(contentsOf: ReferenceVectors.publishedDirectory.appendingPathComponent(name))
        #expect(copy == published, "fixtures/reference/\(name) differs from the published one: copy it again")
    }

    @Test("Every fc60 figure matches the reference", arguments: try ReferenceVectors.fc60Vectors())
    func fc60FiguresMatchReference(vector: FC60Vector) throws {
        let moment = try vector.moment()
        #expect(FC60.stamp(of: moment) == vector.stamp)
        #expect(FC60.timeZoneToken(of: moment) == vector.tz60)
        #expect(FC60.y60(of: moment) == vector.y60)
        #expect(FC60.y2k(of: moment) == vector.y2k)
        #expect(FC60.j60(of: moment) == vector.j60)
        #expect(moment.julianDayNumber == vector.jdn)
        #expect(FC60.mjd60(of: moment) == vector.mjd60)
        #expect(FC60.rd60(of: moment) == vector.rd60)
        #expect(moment.unixSeconds == vector.unix)
        #expect(FC60.u60(of: moment) == vector.u60)
        #expect(FC60.ganzhiYearToken(year: moment.year) == vector.ganzhiYearToken)
        #expect(FC60.checksumToken(of: moment) == vector.checksum)
        #expect(moment.weekdayIndex == vector.weekdayIndex)
    }

    @Test(
        "The moon figures match the reference to 1e-6, from the local day number alone",
        arguments: try ReferenceVectors.fc60Vectors()
    )
    func moonMatchesReference(vector: FC60Vector) throws {
        let moon = MoonPhase(julianDayNumber: try vector.moment().julianDayNumber)
        #expect(moon.index == vector.moonPhaseIndex)
        #expect(moon.name == vector.moonPhaseName)
        #expect(abs(moon.ageDays - vector.moonAgeDays) < 1e-6)
        #expect(abs(moon.illuminationPercent - vector.moonIlluminationPercent) < 1e-6)
    }

    @Test("Every base-60 figure decodes back to its number", arguments: try ReferenceVectors.fc60Vectors())
    func base60FiguresRoundTrip(vector: FC60Vector) throws {
        let moment = try vector.moment()
        #expect(FC60.decodeBase60(vector.y60) == vector.input.year)
        #expect(FC60.decodeBase60(vector.j60) == vector.jdn)
        #expect(FC60.decodeBase60(vector.mjd60) == vector.jdn - 2_400_001)
        #expect(FC60.decodeBase60(vector.rd60) == vector.jdn - 1_721_425)
        #expect(FC60.decodeBase60(vector.u60).map(Int64.init) == vector.unix)
        #expect(FC60.mjd(of: moment) == vector.jdn - 2_400_001)
        #expect(FC60.rd(of: moment) == vector.jdn - 1_721_425)
    }

    @Test("Unix seconds give back the same instant at the same offset", arguments: try ReferenceVectors.fc60Vectors())
    func unixSecondsRoundTrip(vector: FC60Vector) throws {
        let moment = try vector.moment()
        #expect(Moment(unixSeconds: vector.unix, utcOffsetSeconds: moment.utcOffsetSeconds) == moment)
    }

    @Test("Every numerology figure matches the reference", arguments: try ReferenceVectors.numerologyVectors())
    func numerologyMatchesReference(vector: NumerologyVector) {
        #expect(Numerology.expression(of: vector.name) == vector.expression)
        #expect(Numerology.soulUrge(of: vector.name) == vector.soulUrge)
        #expect(Numerology.personality(of: vector.name) == vector.personality)
        #expect(
            Numerology.lifePath(year: vector.birth.year, month: vector.birth.month, day: vector.birth.day)
                == vector.lifePath
        )
        #expect(
            Numerology.personalYear(birthMonth: vector.birth.month, birthDay: vector.birth.day, year: vector.currentYear)
                == vector.personalYear
        )
        let reading = NameReading(name: vector.name)
        let figures = [reading.destiny, reading.soulUrge, reading.personality]
        #expect(figures == [vector.expression, vector.soulUrge, vector.personality])
    }
}
