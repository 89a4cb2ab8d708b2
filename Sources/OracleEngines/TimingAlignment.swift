/// How well a moment (taken in UTC) aligns: the mean of moon, day, hour and weekday scores.
public struct TimingAlignment: Sendable, Hashable {
    /// The moment, as UTC wall time.
    public let moment: Moment
    /// Mean of the four factor scores, 0...1.
    public let score: Double
    /// The quality band of the score.
    public let quality: TimingQuality
    /// The four factor scores keyed "moon", "day", "hour", "weekday".
    public let factors: [String: Double]
    /// The five best hours of the UTC day, best first, earlier hour first on a tie.
    public let optimalHours: [OptimalHour]
    /// The moon on the UTC date.
    public let moonPhase: MoonPhase

    /// Scores a moment after converting it to UTC.
    public init(moment: Moment) {
        let utc = moment.inUTC
        self.moment = utc
        moonPhase = MoonPhase(julianDayNumber: utc.julianDayNumber)
        let moon = TimingAlignment.moonScores[moonPhase.index]
        let day = TimingAlignment.dayScore(utc)
        let weekday = TimingAlignment.weekdayScores[utc.weekdayIndex]
        let hour = TimingAlignment.hourScore(utc.hour)
        factors = ["moon": moon, "day": day, "hour": hour, "weekday": weekday]
        score = (moon + day + hour + weekday) / 4
        quality = TimingQuality(score: score)
        let hourlyScores: [(hour: Int, score: Double)] = (0..<24).map { hour in
            let hourScore = TimingAlignment.hourScore(hour)
            return (hour, (moon + day + hourScore + weekday) / 4)
        }
        optimalHours =
            hourlyScores
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.hour < $1.hour }
            .prefix(5)
            .map { OptimalHour(hour: $0.hour, score: $0.score, reason: TimingAlignment.reason(hour: $0.hour)) }
    }

    /// Moon scores by phase index, New Moon first.
    static let moonScores = [0.9, 0.5, 0.6, 0.7, 1.0, 0.7, 0.6, 0.4]
    /// Weekday scores, Sunday first.
    static let weekdayScores = [0.7, 0.5, 0.6, 0.6, 0.9, 0.8, 0.5]
    /// Numbers that score highest: the master numbers and 1, 8, 9.
    static let powerNumbers: Set<Int> = [1, 8, 9, 11, 22, 33]
    /// Numbers that score in the middle.
    static let creativeNumbers: Set<Int> = [3, 5, 7]

    /// reduce(year + month + day): 0.9 power, 0.7 creative, else 0.5.
    static func dayScore(_ moment: Moment) -> Double {
        let number = Numerology.reduce(moment.year + moment.month + moment.day)
        return powerNumbers.contains(number) ? 0.9 : creativeNumbers.contains(number) ? 0.7 : 0.5
    }

    /// reduce(hour), hour 0 counting as 1: 0.85 power, 0.65 creative, else 0.45.
    static func hourScore(_ hour: Int) -> Double {
        let number = hourNumber(hour)
        return powerNumbers.contains(number) ? 0.85 : creativeNumbers.contains(number) ? 0.65 : 0.45
    }

    private static func hourNumber(_ hour: Int) -> Int {
        hour == 0 ? 1 : Numerology.reduce(hour)
    }

    private static func reason(hour: Int) -> String {
        let number = hourNumber(hour)
        let kind =
            powerNumbers.contains(number)
            ? "a power number"
            : creativeNumbers.contains(number)
                ? "a creative number" : "a quiet number"
        return "Hour \(hour) UTC reduces to \(number), \(kind): \(Numerology.keyword(for: number))."
    }
}
