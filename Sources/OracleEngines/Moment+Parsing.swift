extension Moment {
    private static let dateTimeForms =
        "YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS[.fff]] with an optional Z, ±HH:MM or ±HHMM offset"

    /// Parses ISO 8601: date and time with `T` or a space, optional seconds and fraction (dropped),
    /// optional `Z`/`±HH:MM`/`±HHMM` offset (none means UTC), or a bare date (midnight UTC).
    public static func parse(iso8601 text: String) throws(MomentParseError) -> Moment {
        let malformed = MomentParseError.malformed(input: text, expected: dateTimeForms)
        var scanner = ISO8601Scanner(text)
        guard let date = scanDate(&scanner) else { throw malformed }
        if scanner.isAtEnd {
            return try Moment(year: date.year, month: date.month, day: date.day)
        }
        guard scanner.character(oneOf: "Tt ") != nil,
            let hour = scanner.number(digits: 2),
            scanner.character(oneOf: ":") != nil,
            let minute = scanner.number(digits: 2)
        else { throw malformed }
        var second = 0
        if scanner.character(oneOf: ":") != nil {
            guard let value = scanner.number(digits: 2) else { throw malformed }
            second = value
            // Fractional seconds are accepted and dropped: every engine works in whole seconds.
            if scanner.character(oneOf: ".") != nil, scanner.skipDigits() == 0 { throw malformed }
        }
        let offset = try scanOffset(&scanner, malformed: malformed)
        guard scanner.isAtEnd else { throw malformed }
        return try Moment(
            year: date.year,
            month: date.month,
            day: date.day,
            hour: hour,
            minute: minute,
            second: second,
            utcOffsetSeconds: offset
        )
    }

    /// Parses a strict `YYYY-MM-DD` date as midnight UTC.
    public static func parse(date text: String) throws(MomentParseError) -> Moment {
        var scanner = ISO8601Scanner(text)
        guard let date = scanDate(&scanner), scanner.isAtEnd else {
            throw .malformed(input: text, expected: "YYYY-MM-DD")
        }
        return try Moment(year: date.year, month: date.month, day: date.day)
    }

    private static func scanDate(_ scanner: inout ISO8601Scanner) -> (year: Int, month: Int, day: Int)? {
        guard let year = scanner.number(digits: 4),
            scanner.character(oneOf: "-") != nil,
            let month = scanner.number(digits: 2),
            scanner.character(oneOf: "-") != nil,
            let day = scanner.number(digits: 2)
        else { return nil }
        return (year, month, day)
    }

    private static func scanOffset(
        _ scanner: inout ISO8601Scanner,
        malformed: MomentParseError
    ) throws(MomentParseError) -> Int {
        if scanner.isAtEnd || scanner.character(oneOf: "Zz") != nil { return 0 }
        guard let sign = scanner.character(oneOf: "+-"),
            let hours = scanner.number(digits: 2)
        else { throw malformed }
        _ = scanner.character(oneOf: ":")
        guard let minutes = scanner.number(digits: 2) else { throw malformed }
        let offset = (sign == "-" ? -1 : 1) * (hours * 3600 + minutes * 60)
        guard hours <= 23, minutes <= 59 else { throw .offsetOutOfRange(offset) }
        return offset
    }
}
