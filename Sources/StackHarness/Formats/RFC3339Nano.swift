import Foundation
import LogTimeFormat

/// Docker's timestamps: RFC 3339 with up to nine fraction digits ("2026-11-29T04:01:38.610152096Z"), read and
/// written as `Date`s through LogTimeFormat's ``UnixInstant`` (the same code as the services' log times).
package enum RFC3339Nano {
    /// Parses "YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)" (a space may stand for the "T"); `nil` if it is not one.
    package static func date(from text: String) -> Date? {
        guard let instant = UnixInstant(rfc3339: text) else { return nil }
        // Whole seconds and the fraction are added apart to keep as much of the nanoseconds as a Date holds.
        return Date(timeIntervalSince1970: TimeInterval(instant.seconds) + TimeInterval(instant.nanoseconds) / 1e9)
    }

    /// Parses the text and maps Docker's "zero time" (year 1, meaning "never") to `nil`.
    package static func optionalDate(from text: String) -> Date? {
        guard let date = date(from: text), !text.hasPrefix("0001-01-01") else { return nil }
        return date
    }

    /// Formats a date as RFC 3339 in UTC with nine fraction digits, as Docker writes it.
    package static func string(from date: Date) -> String {
        let total = date.timeIntervalSince1970
        let whole = total.rounded(.down)
        let instant = UnixInstant(seconds: Int(whole), nanoseconds: Int(((total - whole) * 1e9).rounded()))
        return instant.rfc3339(.nanoseconds)
    }
}
