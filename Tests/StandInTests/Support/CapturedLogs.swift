import Logging
import Synchronization

/// Log records of an in-process stand-in, kept in memory for assertions.
final class CapturedLogs: Sendable {
    /// One record: its message and metadata rendered as strings.
    struct Record: Sendable {
        let level: Logger.Level
        let message: String
        let metadata: [String: String]
    }

    private let records = Mutex<[Record]>([])

    /// A logger at debug level that records here.
    var logger: Logger {
        let sink = self
        var logger = Logger(label: "stand-in-test") { _ in Handler(sink: sink) }
        logger.logLevel = .debug
        return logger
    }

    /// Every record so far.
    var all: [Record] { records.withLock { $0 } }

    /// The first record whose message starts with `prefix`.
    func first(_ prefix: String) -> Record? {
        all.first { $0.message.hasPrefix(prefix) }
    }

    /// Waits up to `limit` for a record whose message starts with `prefix`.
    func waitFor(_ prefix: String, within limit: Duration = .seconds(15)) async throws -> Record {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            if let record = first(prefix) { return record }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw TestProcessError(description: "no '\(prefix)' record within \(limit); got:\n\(all.map(\.message).joined(separator: "\n"))")
    }

    private struct Handler: LogHandler {
        let sink: CapturedLogs
        var logLevel: Logger.Level = .debug
        var metadata: Logger.Metadata = [:]

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let fields = metadata.merging(event.metadata ?? [:]) { _, new in new }.mapValues(\.description)
            sink.records.withLock { $0.append(Record(level: event.level, message: "\(event.message)", metadata: fields)) }
        }
    }
}
