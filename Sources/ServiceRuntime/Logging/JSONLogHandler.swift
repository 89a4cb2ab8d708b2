import LogTimeFormat
import Logging

/// The swift-log handler of every service: renders each record as an ``EncodedLogLine`` and hands it to the
/// process's ``LogSink`` (stdout and the Oracle's rotating file, or stdout alone for the stand-ins).
///
/// A value type, as swift-log expects: changing `logLevel` or `metadata` on one `Logger` does not affect others.
/// Metadata precedence, lowest to highest: handler metadata, the metadata provider, the log call's own metadata.
/// The call's `error` is written as the reserved `error` field; a metadata key `error` becomes `meta_error`.
public struct JSONLogHandler: LogHandler {
    /// The logger's label, written as the `label` field.
    public let label: String
    /// Where encoded lines go; shared by every handler of the process.
    public let sink: LogSink
    /// Messages below this level are filtered out by `Logger` before they reach the handler.
    public var logLevel: Logger.Level
    /// Fields added to every line of this logger.
    public var metadata: Logger.Metadata = [:]
    /// Supplies contextual (e.g. task-local) metadata at each log call.
    public var metadataProvider: Logger.MetadataProvider?

    /// Creates a handler for `label` writing to `sink`.
    public init(
        label: String,
        sink: LogSink,
        logLevel: Logger.Level = .info,
        metadataProvider: Logger.MetadataProvider? = nil
    ) {
        self.label = label
        self.sink = sink
        self.logLevel = logLevel
        self.metadataProvider = metadataProvider
    }

    /// Reads or sets one field of the handler's metadata.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Encodes and writes one record.
    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get(), !provided.isEmpty {
            merged.merge(provided) { _, new in new }
        }
        if let own = event.metadata, !own.isEmpty {
            merged.merge(own) { _, new in new }
        }
        let line = EncodedLogLine(
            time: POSIXIO.now(),
            level: event.level.rawValue,
            message: event.message.description,
            label: label,
            source: event.source,
            error: event.error.map { String(describing: $0) },
            metadata: merged.mapValues(LogMetadataValue.init)
        )
        sink.write(line)
    }
}
