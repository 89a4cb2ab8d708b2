/// Why a text or a set of fields is not a valid moment.
public enum MomentParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text does not have the expected shape; `expected` names the accepted forms.
    case malformed(input: String, expected: String)
    /// The month is not 1...12.
    case monthOutOfRange(Int)
    /// The day does not exist in that month of that year.
    case dayOutOfRange(day: Int, month: Int, year: Int)
    /// The hour is not 0...23.
    case hourOutOfRange(Int)
    /// The minute is not 0...59.
    case minuteOutOfRange(Int)
    /// The second is not 0...59.
    case secondOutOfRange(Int)
    /// The UTC offset is a day or more, or its minutes are not 0...59.
    case offsetOutOfRange(Int)

    /// A sentence saying what is wrong, fit for an INVALID_ARGUMENT message.
    public var description: String {
        switch self {
        case let .malformed(input, expected):
            "'\(input)' is not a valid date-time; expected \(expected)"
        case let .monthOutOfRange(month):
            "month \(month) is out of range 1-12"
        case let .dayOutOfRange(day, month, year):
            "day \(day) does not exist in month \(month) of year \(year)"
        case let .hourOutOfRange(hour):
            "hour \(hour) is out of range 0-23"
        case let .minuteOutOfRange(minute):
            "minute \(minute) is out of range 0-59"
        case let .secondOutOfRange(second):
            "second \(second) is out of range 0-59"
        case let .offsetOutOfRange(seconds):
            "UTC offset of \(seconds) seconds is out of range (must be less than 24 hours, minutes 0-59)"
        }
    }
}
