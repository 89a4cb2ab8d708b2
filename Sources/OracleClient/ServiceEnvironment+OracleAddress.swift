import ServiceRuntime

extension ServiceEnvironment {
    /// The Oracle's `host:port` from `name`, or `defaultValue` when unset.
    public func oracleAddress(_ name: String, default defaultValue: OracleAddress) throws(ConfigurationError) -> OracleAddress {
        guard let text = value(name) else { return defaultValue }
        return try OracleAddress(parsing: text, variable: name)
    }
}
