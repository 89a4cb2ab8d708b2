/// Everything the Oracle reads from one moment, in its own local time (contract ReadingResponse).
public struct MomentReading: Sendable, Hashable {
    /// The moment read.
    public let moment: Moment
    /// The FC60 stamp, e.g. `VE-OX-OXFI ☀OX-RUWU-RAWU`.
    public let stamp: String
    /// The FC60 figures.
    public let fc60: FC60Reading
    /// The numerology figures.
    public let numerology: NumerologyReading
    /// The moon on the local date.
    public let moonPhase: MoonPhase
    /// The western sun sign of the local month and day.
    public let zodiac: ZodiacSign
    /// The Chinese-calendar year of the local year.
    public let chinese: ChineseYear
    /// A rule-based summary of the reading.
    public let summary: String

    /// Reads a moment; a moment with an offset is read in its own local time, not converted to UTC.
    public init(moment: Moment) {
        self.moment = moment
        stamp = FC60.stamp(of: moment)
        fc60 = FC60Reading(moment: moment)
        numerology = NumerologyReading(moment: moment)
        moonPhase = MoonPhase(julianDayNumber: moment.julianDayNumber)
        zodiac = ZodiacSign(month: moment.month, day: moment.day)
        chinese = ChineseYear(year: moment.year)
        summary =
            "\(moment.weekday.name) \(moment.iso8601) [\(stamp)]: "
            + "a \(chinese.polarity.name) \(chinese.element.name) year of the \(chinese.animal.name), "
            + "the Sun in \(zodiac.name) (\(zodiac.element), ruled by \(zodiac.rulingPlanet)), "
            + "\(moonPhase.name) moon \((moonPhase.illuminationPercent).fixed(0))% lit. "
            + "Life path \(numerology.lifePath) brings \(Numerology.keyword(for: numerology.lifePath)); "
            + "personal day \(numerology.personalDay) favours \(Numerology.keyword(for: numerology.personalDay))."
    }
}
