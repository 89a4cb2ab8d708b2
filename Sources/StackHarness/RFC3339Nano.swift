import Foundation

/// Docker's timestamps: RFC 3339 with up to nine fraction digits ("2026-11-29T04:01:38.610152096Z").
public enum RFC3339Nano {
    /// Parses "YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)" (a space may stand for the "T"); `nil` if it is not one.
    public static func date(from text: String) -> Date? {
        guard let parts = Parts(text) else { return nil }
        let days = daysFromCivil(year: parts.year, month: parts.month, day: parts.day)
        let seconds = days * 86_400 + parts.hour * 3_600 + parts.minute * 60 + parts.second - parts.offsetSeconds
        // Whole seconds and the fraction are added apart to keep as much of the nanoseconds as a Date holds.
        return Date(timeIntervalSince1970: TimeInterval(seconds) + parts.fraction)
    }

    /// Parses the text and maps Docker's "zero time" (year 1, meaning "never") to `nil`.
    public static func optionalDate(from text: String) -> Date? {
        guard let date = date(from: text), !text.hasPrefix("0001-01-01") else { return nil }
        return date
    }

    /// Formats a date as RFC 3339 in UTC with nine fraction digits, as Docker writes it.
    public static func string(from date: Date) -> String {
        let total = date.timeIntervalSince1970
        let whole = total.rounded(.down)
        var nanoseconds = Int64(((total - whole) * 1e9).rounded())
        var seconds = Int64(whole)
        if nanoseconds == 1_000_000_000 { seconds += 1; nanoseconds = 0 }
        let (days, secondOfDay) = seconds.quotientAndRemainder(dividingBy: 86_400)
        let dayNumber = secondOfDay < 0 ? days - 1 : days
        let second = secondOfDay < 0 ? secondOfDay + 86_400 : secondOfDay
        let (year, month, day) = civilFromDays(dayNumber)
        return String(
            format: "%04lld-%02lld-%02lldT%02lld:%02lld:%02lld.%09lldZ",
            year, month, day, second / 3_600, second % 3_600 / 60, second % 60, nanoseconds
        )
    }

    // Fields of one timestamp, read by position; anything out of shape makes the whole parse fail.
    private struct Parts {
        var year: Int64, month: Int64, day: Int64, hour: Int64, minute: Int64, second: Int64
        var fraction: Double
        var offsetSeconds: Int64

        init?(_ text: String) {
            let characters = Array(text.utf8)
            func number(_ start: Int, _ count: Int) -> Int64? {
                guard start + count <= characters.count else { return nil }
                var value: Int64 = 0
                for byte in characters[start..<start + count] {
                    guard byte >= 48, byte <= 57 else { return nil }
                    value = value * 10 + Int64(byte - 48)
                }
                return value
            }
            guard characters.count >= 20,
                  characters[4] == UInt8(ascii: "-"), characters[7] == UInt8(ascii: "-"),
                  [UInt8(ascii: "T"), UInt8(ascii: "t"), UInt8(ascii: " ")].contains(characters[10]),
                  characters[13] == UInt8(ascii: ":"), characters[16] == UInt8(ascii: ":"),
                  let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
                  let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
                  (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second <= 60
            else { return nil }
            (self.year, self.month, self.day, self.hour, self.minute, self.second) = (year, month, day, hour, minute, second)
            var index = 19
            fraction = 0
            if characters[index] == UInt8(ascii: ".") {
                index += 1
                var scale = 0.1
                let start = index
                while index < characters.count, characters[index] >= 48, characters[index] <= 57 {
                    fraction += Double(characters[index] - 48) * scale
                    scale /= 10
                    index += 1
                }
                guard index > start else { return nil }
            }
            guard index < characters.count else { return nil }
            switch characters[index] {
            case UInt8(ascii: "Z"), UInt8(ascii: "z"):
                guard index + 1 == characters.count else { return nil }
                offsetSeconds = 0
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                guard index + 6 == characters.count, characters[index + 3] == UInt8(ascii: ":"),
                      let hours = number(index + 1, 2), let minutes = number(index + 4, 2)
                else { return nil }
                let sign: Int64 = characters[index] == UInt8(ascii: "+") ? 1 : -1
                offsetSeconds = sign * (hours * 3_600 + minutes * 60)
            default:
                return nil
            }
        }
    }

    // Howard Hinnant's days_from_civil: days since 1970-01-01 in the proleptic Gregorian calendar, no Calendar needed.
    private static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    // The inverse of daysFromCivil.
    private static func civilFromDays(_ days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
