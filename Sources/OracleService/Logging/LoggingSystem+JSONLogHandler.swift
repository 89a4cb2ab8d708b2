import Logging

extension LoggingSystem {
    /// Makes every `Logger` in the process a ``JSONLogHandler`` writing to `sink` at `logLevel`; call once, at startup.
    static func bootstrap(sink: LogSink, logLevel: Logger.Level, metadataProvider: Logger.MetadataProvider? = nil) {
        bootstrap(
            { label, provider in
                JSONLogHandler(label: label, sink: sink, logLevel: logLevel, metadataProvider: provider)
            },
            metadataProvider: metadataProvider
        )
    }
}
