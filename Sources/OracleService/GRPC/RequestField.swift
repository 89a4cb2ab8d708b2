import GRPCCore
import OracleEngines

/// Validation of request fields: every problem becomes INVALID_ARGUMENT with a message that starts with the field's name.
enum RequestField {
    /// A moment from an ISO 8601 string; empty means now.
    static func moment(_ text: String, field: String) throws(RPCError) -> Moment {
        if text.isEmpty { return Moment.now() }
        do {
            return try Moment.parse(iso8601: text)
        } catch {
            throw RPCError(code: .invalidArgument, message: "\(field): \(error)")
        }
    }

    /// A day from `YYYY-MM-DD`; empty means today (UTC).
    static func date(_ text: String, field: String) throws(RPCError) -> Moment {
        if text.isEmpty { return Moment.now().inUTC }
        do {
            return try Moment.parse(date: text)
        } catch {
            throw RPCError(code: .invalidArgument, message: "\(field): \(error)")
        }
    }

    /// Required text: not blank and at most `maximumLength` characters.
    static func text(_ text: String, field: String, maximumLength: Int) throws(RPCError) -> String {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else {
            throw RPCError(code: .invalidArgument, message: "\(field): must not be empty")
        }
        guard trimmed.count <= maximumLength else {
            throw RPCError(code: .invalidArgument, message: "\(field): longer than \(maximumLength) characters")
        }
        return trimmed
    }

    /// Optional text: nil when blank, else at most `maximumLength` characters.
    static func optionalText(_ text: String, field: String, maximumLength: Int) throws(RPCError) -> String? {
        text.trimmingWhitespace().isEmpty ? nil : try Self.text(text, field: field, maximumLength: maximumLength)
    }

    /// Hex key ranges `0xSTART-0xEND`; the message names the field, the index and the reason.
    static func keyRanges(_ texts: [String], field: String) throws(RPCError) -> [KeyRange] {
        var ranges: [KeyRange] = []
        ranges.reserveCapacity(texts.count)
        for (index, text) in texts.enumerated() {
            do {
                ranges.append(try KeyRange.parse(text))
            } catch {
                throw RPCError(code: .invalidArgument, message: "\(field)[\(index)]: '\(text.prefix(80))' \(error)")
            }
        }
        return ranges
    }
}

extension String {
    /// The string without leading and trailing white space and newlines.
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
