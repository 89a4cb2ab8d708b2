/// The numerology part of a moment's reading (contract message NumerologyReading).
public struct NumerologyReading: Sendable, Hashable {
    /// Life path of the local date.
    public let lifePath: Int
    /// reduce(day).
    public let dayVibration: Int
    /// Personal year of the date's own month and day in its year.
    public let personalYear: Int
    /// reduce(month + reduce(digit sum of year)).
    public let personalMonth: Int
    /// reduce(day + month + reduce(digit sum of year)).
    public let personalDay: Int
    /// Rule-based text naming the life path and the personal day.
    public let interpretation: String

    /// Reads a moment's local date.
    public init(moment: Moment) {
        let (year, month, day) = (moment.year, moment.month, moment.day)
        lifePath = Numerology.lifePath(year: year, month: month, day: day)
        dayVibration = Numerology.reduce(day)
        personalYear = Numerology.personalYear(birthMonth: month, birthDay: day, year: year)
        personalMonth = Numerology.personalMonth(month: month, year: year)
        personalDay = Numerology.personalDay(day: day, month: month, year: year)
        interpretation =
            "Life path \(lifePath) speaks of \(Numerology.keyword(for: lifePath)); "
            + "the day vibrates at \(dayVibration) (\(Numerology.keyword(for: dayVibration))), "
            + "and personal day \(personalDay) favours \(Numerology.keyword(for: personalDay))."
    }
}
