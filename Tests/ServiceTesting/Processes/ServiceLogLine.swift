import Foundation
import LogTimeFormat

/// The services' log lines as tests read them: one JSON object a line, with its text in `message`.
public enum ServiceLogLine {
    /// The line parsed as a JSON object, or nil.
    public static func object(of line: String) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
    }

    /// The `message` field of a JSON line, or nil.
    public static func message(of line: String) -> String? {
        object(of: line)?[LogLineKey.message.rawValue] as? String
    }
}
