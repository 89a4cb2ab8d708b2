/// A moment as local wall-clock time plus its offset from UTC; every engine reads it in its own local time.
public struct Moment: Sendable, Hashable {
    /// Proleptic Gregorian year of the local date.
    public let year: Int
    /// Month of the local date, 1...12.
    public let month: Int
    /// Day of the local date, 1...31.
    public let day: Int
    /// Local hour, 0...23.
    public let hour: Int
    /// Local minute, 0...59.
    public let minute: Int
    /// Local second, 0...59.
    public let second: Int
    /// Offset of the local time from UTC in seconds (east positive).
    public let utcOffsetSeconds: Int

    /// Creates a moment from validated wall-clock fields; throws naming the first field out of range.
    public init(
        year: Int,
        month: Int,
        day: Int,
        hour: Int = 0,
        minute: Int = 0,
        second: Int = 0,
        utcOffsetSeconds: Int = 0
    ) throws(MomentParseError) {
        guard (1...12).contains(month) else { throw .monthOutOfRange(month) }
        let monthLength = Moment.daysInMonth(month, year: year)
        guard (1...monthLength).contains(day) else {
            throw .dayOutOfRange(day: day, month: month, year: year)
        }
        guard (0...23).contains(hour) else { throw .hourOutOfRange(hour) }
        guard (0...59).contains(minute) else { throw .minuteOutOfRange(minute) }
        guard (0...59).contains(second) else { throw .secondOutOfRange(second) }
        guard abs(utcOffsetSeconds) < Moment.secondsPerDay else {
            throw .offsetOutOfRange(utcOffsetSeconds)
        }
        self.init(
            unchecked: year,
            month: month,
            day: day,
            hour: hour,
            minute: minute,
            second: second,
            utcOffsetSeconds: utcOffsetSeconds
        )
    }

    /// Stores fields the caller has already validated or computed from a valid instant.
    init(
        unchecked year: Int,
        month: Int,
        day: Int,
        hour: Int,
        minute: Int,
        second: Int,
        utcOffsetSeconds: Int
    ) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.utcOffsetSeconds = utcOffsetSeconds
    }

    static let secondsPerDay = 86_400

    /// Number of days in a month of the proleptic Gregorian calendar.
    static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }
}
