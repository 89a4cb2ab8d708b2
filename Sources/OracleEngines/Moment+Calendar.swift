import LogTimeFormat

extension Moment {
    /// Julian Day Number of the local date (2000-01-01 is 2451545), counted from the Unix epoch's.
    public var julianDayNumber: Int {
        CivilDate(year: year, month: month, day: day).daysSinceUnixEpoch + Moment.unixEpochJulianDay
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
        let date = CivilDate(daysSinceUnixEpoch: Int(days))
        self.init(
            unchecked: date.year,
            month: date.month,
            day: date.day,
            hour: secondOfDay / 3600,
            minute: secondOfDay / 60 % 60,
            second: secondOfDay % 60,
            utcOffsetSeconds: utcOffsetSeconds
        )
    }

    /// Julian Day Number of 1970-01-01.
    static let unixEpochJulianDay = 2_440_588
}
