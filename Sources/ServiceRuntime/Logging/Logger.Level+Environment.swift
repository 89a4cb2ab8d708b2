import Logging

extension Logger.Level {
    /// The values `LOG_LEVEL` accepts, for the error that names a wrong one.
    public static let environmentValueChoices = "TRACE, DEBUG, INFO, NOTICE, WARNING, ERROR, CRITICAL"

    /// Parses `LOG_LEVEL` the way operators write it, the same for every service: any case, `WARN` for warning,
    /// `FATAL` for critical; `nil` for anything else.
    public init?(environmentValue: String) {
        switch environmentValue.lowercased() {
        case "warn": self = .warning
        case "fatal": self = .critical
        default: self.init(rawValue: environmentValue.lowercased())
        }
    }
}
