import Logging
import Synchronization

/// A log handler for tests that keeps every record in memory, so a test can assert what an in-process service logged.
public final class CapturedLogs: Sendable {
    /// One logged record, its message and metadata rendered as strings.
    public struct Record: Sendable {
        /// The record's level.
        public let level: Logger.Level
        /// The message.
        public let message: String
        /// The logger's metadata merged with the record's own.
        public let metadata: [String: String]
    }

    private let records = Mutex<[Record]>([])

    /// Makes an empty capture.
    public init() {}

    /// Every record so far.
    public var all: [Record] { records.withLock { $0 } }

    /// The messages so far, in order.
    public var messages: [String] { all.map(\.message) }

    /// Every record, message and metadata, as one text for "never appears" checks.
    public var fullText: String {
        all.map { record in "\(record.message) \(record.metadata)" }.joined(separator: "\n")
    }

    /// A logger at `level` whose records land here.
    public func logger(level: Logger.Level = .trace) -> Logger {
        var logger = Logger(label: "test") { _ in Handler(sink: self) }
        logger.logLevel = level
        return logger
    }

    /// The first record whose message starts with `prefix`.
    public func first(_ prefix: String) -> Record? {
        all.first { $0.message.hasPrefix(prefix) }
    }

    /// Waits up to `limit` for a record whose message starts with `prefix`; throws `LogRecordNotFound` when none comes.
    public func waitFor(_ prefix: String, within limit: Duration = .seconds(15)) async throws -> Record {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            if let record = first(prefix) { return record }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw LogRecordNotFound(prefix: prefix, limit: limit, messages: messages)
    }

    // Records into the capture; the level filter is the logger's, so the handler keeps everything it is given.
    private struct Handler: LogHandler {
        let sink: CapturedLogs
        var logLevel: Logger.Level = .trace
        var metadata: Logger.Metadata = [:]

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let fields = metadata.merging(event.metadata ?? [:]) { $1 }.mapValues(\.description)
            sink.records.withLock { $0.append(Record(level: event.level, message: "\(event.message)", metadata: fields)) }
        }
    }
}
