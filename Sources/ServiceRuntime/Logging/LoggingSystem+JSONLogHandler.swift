import Logging

extension LoggingSystem {
    /// Makes every `Logger` in the process a ``JSONLogHandler`` writing to `sink` at `logLevel`; call once, at startup.
    ///
    /// The one logging bootstrap of the Oracle and the stand-ins: `LogSink(filePath:…)` for the Oracle's stdout and
    /// file, `LogSink()` for stdout alone.
    public static func bootstrap(
        sink: LogSink,
        logLevel: Logger.Level,
        metadataProvider: Logger.MetadataProvider? = nil
    ) {
        bootstrap(
            { label, provider in
                JSONLogHandler(label: label, sink: sink, logLevel: logLevel, metadataProvider: provider)
            },
            metadataProvider: metadataProvider
        )
    }
}
