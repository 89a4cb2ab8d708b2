/// The insight of one day (contract DailyResponse).
public struct DailyInsight: Sendable, Hashable {
    /// The day as `YYYY-MM-DD`.
    public let date: String
    /// The reading of the day (its moment as given, usually midnight UTC).
    public let reading: MomentReading
    /// Rule-based insight text from the personal day and the moon.
    public let insight: String
    /// Distinct numbers of the day: life path, personal month, personal day, day vibration, FC60 cycle.
    public let luckyNumbers: [String]
    /// An activity suited to the personal day.
    public let optimalActivity: String

    /// The insight of the date of a moment, read in its own local time.
    public init(date moment: Moment) {
        let reading = MomentReading(moment: moment)
        let numerology = reading.numerology
        date = moment.isoDate
        self.reading = reading
        insight =
            "Personal day \(numerology.personalDay) brings \(Numerology.keyword(for: numerology.personalDay)) "
            + "under a \(reading.moonPhase.name) moon; "
            + DailyInsight.moonAdvice[reading.moonPhase.index]
        var seen: Set<Int> = []
        luckyNumbers = [
            numerology.lifePath, numerology.personalMonth, numerology.personalDay,
            numerology.dayVibration, reading.fc60.cycle,
        ]
        .filter { seen.insert($0).inserted }
        .map(String.init)
        optimalActivity = DailyInsight.activity(personalDay: numerology.personalDay)
    }

    /// Advice by moon phase index, New Moon first.
    private static let moonAdvice = [
        "plant seeds: start fresh searches.",
        "build momentum on what you began.",
        "decide and commit where you hesitated.",
        "refine and polish before the peak.",
        "harvest: review results and celebrate progress.",
        "share what you learned and tidy up.",
        "let go of what did not work.",
        "rest and plan the next cycle.",
    ]

    private static func activity(personalDay: Int) -> String {
        switch personalDay {
        case 1: "Start a new scanning strategy"
        case 2: "Pair up: compare notes and cross-check results"
        case 3: "Explore creative, unconventional key ranges"
        case 4: "Do methodical, sequential work and maintenance"
        case 5: "Try something different: switch mode or model"
        case 6: "Review and care for the setup: logs, backups, health"
        case 7: "Analyse past sessions and study the patterns"
        case 8: "Push throughput: long, high-volume runs"
        case 9: "Finish and close open sessions"
        case 11: "Follow intuition: pick the range that calls to you"
        case 22: "Build: plan large, systematic coverage"
        case 33: "Teach: document and share what works"
        default: "Reflect and rest"
        }
    }
}
