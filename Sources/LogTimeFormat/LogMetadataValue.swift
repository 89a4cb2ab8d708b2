/// One metadata value of a log line: a string, or nested arrays and dictionaries of values.
///
/// The same shape as swift-log's `Logger.Metadata.Value`, without depending on swift-log; nested values stay
/// nested in the line as JSON arrays and objects.
public indirect enum LogMetadataValue: Hashable, Sendable {
    /// A JSON string.
    case string(String)
    /// A JSON array, in order.
    case array([LogMetadataValue])
    /// A JSON object, written with sorted keys.
    case dictionary([String: LogMetadataValue])
}
