extension Moment {
    /// Julian Day Number of the local date (Fliegel–Van Flandern; 2000-01-01 is 2451545).
    public var julianDayNumber: Int {
        let a = (14 - month) / 12
        let y = year + 4800 - a
        let m = month + 12 * a - 3
        return day + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32045
    }

    /// Seconds since 1970-01-01T00:00:00Z of this instant.
    public var unixSeconds: Int64 {
        let days = Int64(julianDayNumber - Moment.unixEpochJulianDay)
        let secondsOfDay = Int64(hour * 3600 + minute * 60 + second)
        return days * Int64(Moment.secondsPerDay) + secondsOfDay - Int64(utcOffsetSeconds)
    }

    /// Day of the week of the local date, 0 = Sunday.
    public var weekdayIndex: Int {
        (julianDayNumber + 1).modulo(7)
    }

    /// Day of the week of the local date.
    public var weekday: Weekday {
        Weekday.allCases[weekdayIndex]
    }

    /// The same instant as UTC wall-clock time.
    public var inUTC: Moment {
        Moment(unixSeconds: unixSeconds)
    }

    /// The local wall-clock time of an instant, for a trusted offset of less than a day.
    public init(unixSeconds: Int64, utcOffsetSeconds: Int = 0) {
        let local = unixSeconds + Int64(utcOffsetSeconds)
        let secondsPerDay = Int64(Moment.secondsPerDay)
        // Floor division, so instants before 1970 land on the right day.
        let days = local >= 0 ? local / secondsPerDay : (local - secondsPerDay + 1) / secondsPerDay
        let secondOfDay = Int(local - days * secondsPerDay)
        let date = Moment.civilDate(daysSinceUnixEpoch: days)
        self.init(
            unchecked: date.year, month: date.month, day: date.day,
            hour: secondOfDay / 3600, minute: secondOfDay / 60 % 60, second: secondOfDay % 60,
            utcOffsetSeconds: utcOffsetSeconds)
    }

    static let unixEpochJulianDay = 2_440_588

    /// Gregorian date of a day count from 1970-01-01 (Howard Hinnant's civil_from_days).
    static func civilDate(daysSinceUnixEpoch: Int64) -> (year: Int, month: Int, day: Int) {
        let z = daysSinceUnixEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }
}
