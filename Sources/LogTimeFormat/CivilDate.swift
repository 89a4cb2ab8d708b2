/// A date of the proleptic Gregorian calendar, converted to and from a count of days since 1970-01-01.
///
/// Howard Hinnant's `days_from_civil` and `civil_from_days`: exact for every year an `Int` holds, with no
/// calendar object, locale or time-zone lookup. The services' log times, Docker's timestamps and the Oracle's
/// engines all count days with it.
public struct CivilDate: Hashable, Sendable {
    /// The year; 0 is 1 BC, as in ISO 8601.
    public let year: Int
    /// The month, 1 (January) through 12.
    public let month: Int
    /// The day of the month, starting at 1.
    public let day: Int

    /// A date from its fields; they are taken as given (a day 31 of a 30-day month is the 1st of the next).
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date `days` days after 1970-01-01 (before it, when negative).
    public init(daysSinceUnixEpoch days: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        // Months counted from March, so the leap day is the last day of the counted year.
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// Days from 1970-01-01 to this date; negative before it.
    public var daysSinceUnixEpoch: Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
