import Logging

/// A swift-log handler that renders each record as a ``JSONLogLine`` and hands it to a shared ``LogSink``.
///
/// A value type, as swift-log expects: changing `logLevel` or `metadata` on one `Logger` does not affect others.
/// Metadata precedence, lowest to highest: handler metadata, the metadata provider, the log call's own metadata.
struct JSONLogHandler: LogHandler {
    /// The logger's label, written as the `label` field.
    let label: String
    /// Where encoded lines go; shared by every handler of the process.
    let sink: LogSink
    /// Messages below this level are filtered out by `Logger` before they reach the handler.
    var logLevel: Logger.Level
    /// Fields added to every line of this logger.
    var metadata: Logger.Metadata = [:]
    /// Supplies contextual (e.g. task-local) metadata at each log call.
    var metadataProvider: Logger.MetadataProvider?

    /// Creates a handler for `label` writing to `sink`.
    init(label: String, sink: LogSink, logLevel: Logger.Level = .info, metadataProvider: Logger.MetadataProvider? = nil) {
        self.label = label
        self.sink = sink
        self.logLevel = logLevel
        self.metadataProvider = metadataProvider
    }

    /// Reads or sets one field of the handler's metadata.
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Encodes and writes one record.
    func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get(), !provided.isEmpty {
            merged.merge(provided) { _, new in new }
        }
        if let own = event.metadata, !own.isEmpty {
            merged.merge(own) { _, new in new }
        }
        let line = JSONLogLine(
            unixMilliseconds: POSIXIO.currentUnixMilliseconds(),
            level: event.level,
            message: event.message.description,
            label: label,
            source: event.source,
            error: event.error.map { String(describing: $0) },
            metadata: merged
        )
        sink.write(line)
    }
}
