import Logging
import ServiceRuntime

/// Typed reads of the process environment; every bad value becomes a ``ConfigurationError`` naming its variable.
public struct StandInEnvironment: Sendable {
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

    /// An integer in `range`, or `defaultValue` when unset.
    public func integer(_ name: String, in range: ClosedRange<Int>, default defaultValue: Int) throws(ConfigurationError) -> Int {
        guard let raw = value(name) else { return defaultValue }
        guard let number = Int(raw), range.contains(number) else {
            throw ConfigurationError(variable: name, problem: "'\(raw)' is not a number in \(range.lowerBound)-\(range.upperBound)")
        }
        return number
    }

    /// A TCP port to listen on (0 picks a free one), or `defaultValue` when unset.
    public func port(_ name: String, default defaultValue: Int) throws(ConfigurationError) -> Int {
        try integer(name, in: 0...65535, default: defaultValue)
    }

    /// The Oracle's `host:port` from `name`, or `defaultValue` when unset.
    public func oracleAddress(_ name: String, default defaultValue: String) throws(ConfigurationError) -> OracleAddress {
        try OracleAddress(parsing: value(name) ?? defaultValue, variable: name)
    }

    /// `LOG_LEVEL` as every service reads it (any case, `WARN` and `FATAL` as aliases), info when unset.
    public func logLevel() throws(ConfigurationError) -> Logger.Level {
        guard let raw = value("LOG_LEVEL") else { return .info }
        guard let level = Logger.Level(environmentValue: raw) else {
            throw ConfigurationError(variable: "LOG_LEVEL", problem: "'\(raw)' is not one of \(Logger.Level.environmentValueChoices)")
        }
        return level
    }
}
