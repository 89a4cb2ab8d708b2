import Foundation
import LogTimeFormat

/// One structured log line: a JSON object with (at least, when well-formed) time, level and message, under the
/// keys the services' encoder writes (``LogLineKey``).
package struct JSONLogLine: Sendable, Hashable {
    /// The 1-based line number in the text it came from.
    package let lineNumber: Int
    /// The line as written.
    package let text: String
    /// Its members.
    package let fields: [String: JSONValue]

    /// The "time" field as written.
    package var timeText: String? { fields[LogLineKey.time.rawValue]?.string }
    /// The "time" field as a date, if it is RFC 3339.
    package var time: Date? { timeText.flatMap(RFC3339Nano.date(from:)) }
    /// The "level" field, e.g. "info", "error".
    package var level: String? { fields[LogLineKey.level.rawValue]?.string }
    /// The "message" field.
    package var message: String? { fields[LogLineKey.message.rawValue]?.string }
    /// Whether time, level and message (``LogLineKey/required``) are all present as strings.
    package var hasRequiredFields: Bool { LogLineKey.required.allSatisfy { fields[$0.rawValue]?.string != nil } }
}
