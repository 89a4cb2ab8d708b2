import Logging

/// Typed reads of the process environment; every bad value becomes a ``ConfigurationError`` naming its variable.
public struct ServiceEnvironment: Sendable {
    /// The raw variables.
    public let values: [String: String]

    /// Wraps `values` (normally `ProcessInfo.processInfo.environment`).
    public init(_ values: [String: String]) {
        self.values = values
    }

    /// The trimmed value of `name`, or nil when it is unset or blank (compose passes blanks for unset `${VAR}`s).
    public func value(_ name: String) -> String? {
        guard let raw = values[name] else { return nil }
        let trimmed = raw.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()
        return trimmed.isEmpty ? nil : String(trimmed)
    }

    /// An integer in `range`, or nil when unset; `meaning` says what the number is in the error.
    public func integer(_ name: String, in range: ClosedRange<Int>, meaning: String = "a number") throws(ConfigurationError) -> Int? {
        guard let raw = value(name) else { return nil }
        guard let number = Int(raw), range.contains(number) else {
            throw ConfigurationError(variable: name, problem: "'\(raw)' is not \(meaning) (\(range.lowerBound)-\(range.upperBound))")
        }
        return number
    }

    /// A TCP port to listen on or to probe (0 picks a free one when listening), or nil when unset.
    public func port(_ name: String) throws(ConfigurationError) -> Int? {
        try integer(name, in: 0...65535, meaning: "a port number")
    }

    /// `LOG_LEVEL` in any case (`WARN` for warning, `FATAL` for critical), or nil when unset.
    public func logLevel() throws(ConfigurationError) -> Logger.Level? {
        guard let raw = value("LOG_LEVEL") else { return nil }
        guard let level = Logger.Level(environmentValue: raw) else {
            throw ConfigurationError(variable: "LOG_LEVEL", problem: "'\(raw)' is not one of \(Logger.Level.environmentValueChoices)")
        }
        return level
    }
}
