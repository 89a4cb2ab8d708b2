import Logging

/// What an executable reads from its environment, validated once at start.
public protocol ServiceConfiguration: Sendable {
    /// Reads and validates `environment`; the first bad variable stops it with an error naming it.
    init(environment: ServiceEnvironment) throws(ConfigurationError)
    /// Minimum level written (`LOG_LEVEL`).
    var logLevel: Logger.Level { get }
}
