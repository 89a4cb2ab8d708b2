import Logging
import Synchronization

/// A log handler for tests that keeps every record in memory, so a test can assert what was logged.
final class CapturedLogs: Sendable {
    /// One logged record.
    struct Record: Sendable {
        var level: Logger.Level
        var message: String
        var metadata: [String: String]
    }

    private let records = Mutex<[Record]>([])

    /// Every record so far.
    var all: [Record] { records.withLock { $0 } }

    /// The messages so far, in order.
    var messages: [String] { all.map(\.message) }

    /// A logger at `level` whose records land here.
    func logger(level: Logger.Level = .trace) -> Logger {
        var logger = Logger(label: "test") { _ in Handler(sink: self) }
        logger.logLevel = level
        return logger
    }

    /// Every record, message and metadata, as one text for "never appears" checks.
    var fullText: String {
        all.map { record in "\(record.message) \(record.metadata)" }.joined(separator: "\n")
    }

    fileprivate func append(_ record: Record) { records.withLock { $0.append(record) } }

    private struct Handler: LogHandler {
        let sink: CapturedLogs
        var logLevel: Logger.Level = .trace
        var metadata: Logger.Metadata = [:]

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            var merged = metadata
            if let extra = event.metadata { merged.merge(extra) { $1 } }
            sink.append(Record(level: event.level, message: "\(event.message)", metadata: merged.mapValues { "\($0)" }))
        }
    }
}
