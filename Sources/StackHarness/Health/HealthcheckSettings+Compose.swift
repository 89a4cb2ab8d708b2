/// Compose's form of a health check: snake_case keys and Go duration strings ("10s", "1m30s").
extension HealthcheckSettings {
    /// Reads a service's `healthcheck` object from `docker compose config --format json`.
    package init(compose json: JSONValue) {
        func duration(_ key: String) -> Duration? {
            switch json[key] {
            case .string(let text)?: Duration(goDuration: text)
            case .number(let nanoseconds)?: .nanoseconds(Int64(nanoseconds))
            default: nil
            }
        }
        let disabled = json["disable"]?.bool ?? false
        self.init(
            test: disabled ? ["NONE"] : (json["test"]?.array?.compactMap(\.string) ?? json["test"]?.string.map { ["CMD-SHELL", $0] } ?? []),
            interval: duration("interval"),
            timeout: duration("timeout"),
            startPeriod: duration("start_period"),
            retries: json["retries"]?.int64.map { Int($0) }
        )
    }
}
