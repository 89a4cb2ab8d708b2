/// How long a container may take to become healthy before the harness gives up on it.
extension HealthcheckSettings {
    /// The engine's default probe interval and timeout.
    package static let defaultInterval: Duration = .seconds(30)
    /// The engine's default probe timeout.
    package static let defaultTimeout: Duration = .seconds(30)
    /// The engine's default number of failures before "unhealthy".
    package static let defaultRetries = 3

    /// Start period + retries × interval + timeout, with the engine's defaults for unset values.
    package var healthyBudget: Duration {
        let interval = interval ?? Self.defaultInterval
        return (startPeriod ?? .zero) + interval * (retries ?? Self.defaultRetries) + (timeout ?? Self.defaultTimeout)
    }
}
