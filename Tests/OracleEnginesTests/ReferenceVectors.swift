import Foundation
import OracleEngines
import Testing

/// The reference results of the original engines, read from `fc60-vectors.json`.
struct ReferenceVectors: Decodable {
    let fc60: [FC60Vector]
    let numerology: [NumerologyVector]

    /// The directory holding the file: `NPS_REFERENCE_DIR`, else the repository's copy in `fixtures/reference`.
    static var directory: URL {
        if let override = ProcessInfo.processInfo.environment["NPS_REFERENCE_DIR"], !override.isEmpty {
            return URL(fileURLWithPath: override, isDirectory: true)
        }
        return repositoryCopyDirectory
    }

    /// The copy of the reference values committed with the repository, so a clone anywhere can run the tests.
    static var repositoryCopyDirectory: URL {
        repositoryRoot.appendingPathComponent("fixtures/reference", isDirectory: true)
    }

    /// Where the reference values are published beside the repository (`../shared/reference`), when it is checked out there.
    static var publishedDirectory: URL {
        repositoryRoot.appendingPathComponent("../shared/reference", isDirectory: true).standardized
    }

    // Resolving symlinks first, so a scratch package that links this folder still finds the repo.
    private static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent()  // OracleEnginesTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // repository root
    }

    /// Loads the vectors, throwing a message that names the path and the override when it cannot.
    static func load() throws -> ReferenceVectors {
        let file = directory.appendingPathComponent("fc60-vectors.json")
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw MissingReference(
                message: "reference vectors not found at \(file.path); "
                    + "set NPS_REFERENCE_DIR to the directory holding fc60-vectors.json"
            )
        }
        return try JSONDecoder().decode(ReferenceVectors.self, from: data)
    }

    /// The fc60 vectors, for `@Test(arguments:)`: a missing file fails the test instead of giving it no cases.
    static func fc60Vectors() throws -> [FC60Vector] { try load().fc60 }

    /// The numerology vectors, for `@Test(arguments:)`.
    static func numerologyVectors() throws -> [NumerologyVector] { try load().numerology }
}

/// Why the reference file could not be read.
struct MissingReference: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// One fc60 reference vector.
struct FC60Vector: Decodable, Sendable, CustomTestStringConvertible {
    struct Input: Decodable, Sendable {
        let year, month, day, hour, minute, second: Int
        let tzHours: Int
        let tzMinutes: Int

        enum CodingKeys: String, CodingKey {
            case year, month, day, hour, minute, second
            case tzHours = "tz_hours"
            case tzMinutes = "tz_minutes"
        }
    }

    let input: Input
    let stamp, tz60, y60, y2k, j60: String
    let jdn: Int
    let mjd60, rd60: String
    let unix: Int64
    let u60: String
    let moonPhaseIndex: Int
    let moonPhaseName: String
    let moonAgeDays: Double
    let moonIlluminationPercent: Double
    let ganzhiYearToken: String
    let checksum: String
    let weekdayIndex: Int

    enum CodingKeys: String, CodingKey {
        case input, stamp, tz60, y60, y2k, j60, jdn, mjd60, rd60, unix, u60, checksum
        case moonPhaseIndex = "moon_phase_index"
        case moonPhaseName = "moon_phase_name"
        case moonAgeDays = "moon_age_days"
        case moonIlluminationPercent = "moon_illumination_percent"
        case ganzhiYearToken = "ganzhi_year_token"
        case weekdayIndex = "weekday_index"
    }

    /// The input as a moment; the sign of the hours applies to the minutes too.
    func moment() throws -> Moment {
        let sign = input.tzHours < 0 ? -1 : 1
        let offset = sign * (abs(input.tzHours) * 3600 + input.tzMinutes * 60)
        return try Moment(
            year: input.year,
            month: input.month,
            day: input.day,
            hour: input.hour,
            minute: input.minute,
            second: input.second,
            utcOffsetSeconds: offset
        )
    }

    var testDescription: String {
        "\(input.year)-\(input.month)-\(input.day) \(input.hour):\(input.minute):\(input.second) "
            + "tz \(input.tzHours):\(input.tzMinutes)"
    }
}

/// One numerology reference vector.
struct NumerologyVector: Decodable, Sendable, CustomTestStringConvertible {
    struct Birth: Decodable, Sendable {
        let year, month, day: Int
    }

    let name: String
    let birth: Birth
    let currentYear: Int
    let expression, soulUrge, personality, lifePath, personalYear: Int

    enum CodingKeys: String, CodingKey {
        case name, birth, expression, personality
        case currentYear = "current_year"
        case soulUrge = "soul_urge"
        case lifePath = "life_path"
        case personalYear = "personal_year"
    }

    var testDescription: String { name }
}
