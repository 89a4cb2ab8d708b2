/// The top-level keys a service's JSON log line is written with, in the order they appear.
///
/// The services' encoder (``EncodedLogLine``) writes them and StackHarness reads them back, so both sides name
/// them from here.
public enum LogLineKey: String, CaseIterable, Sendable {
    /// The record's time, RFC 3339 in UTC with milliseconds.
    case time
    /// The swift-log level name, e.g. `info`, `warning`.
    case level
    /// The log message.
    case message
    /// The logger's label, e.g. `nps.oracle`.
    case label
    /// The module the log call was made in.
    case source
    /// The error passed to the log call; only present when there was one.
    case error

    /// The keys no metadata field may take.
    public static let reserved: Set<String> = Set(allCases.map(\.rawValue))
    /// The keys a reader requires of every line (the spec's time, level and message).
    public static let required: [LogLineKey] = [.time, .level, .message]
}
