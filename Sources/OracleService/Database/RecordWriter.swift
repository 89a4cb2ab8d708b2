import Logging
import PostgresNIO
import ServiceLifecycle

/// Writes queued records to PostgreSQL in order, holding them while the database is away.
///
/// Requests hand records over and return at once; nothing is lost while the database is down,
/// up to `capacity` records; once the queue is full, each new record is dropped with a warning
/// (`.bufferingOldest` keeps the oldest queued records, so they are still written in order).
final class RecordWriter: Service, Sendable {
    private let client: PostgresClient
    private let status: OracleStatus
    private let logger: Logger
    private let stream: AsyncStream<DatabaseRecord>
    private let continuation: AsyncStream<DatabaseRecord>.Continuation
    /// Pause before retrying a write that failed.
    private let retryInterval: Duration

    /// Creates a writer holding at most `capacity` unwritten records.
    init(client: PostgresClient, status: OracleStatus, logger: Logger, capacity: Int = 10_000, retryInterval: Duration = .seconds(1)) {
        self.client = client
        self.status = status
        self.logger = logger
        self.retryInterval = retryInterval
        (stream, continuation) = AsyncStream.makeStream(of: DatabaseRecord.self, bufferingPolicy: .bufferingOldest(capacity))
    }

    /// Queues `record`; never waits.
    func enqueue(_ record: DatabaseRecord) {
        if case .dropped = continuation.yield(record) {
            logger.warning("Write queue full; record dropped", metadata: ["table": "\(record.table)"])
        }
    }

    func run() async throws {
        await withGracefulShutdownHandler {
            for await record in stream {
                await write(record)
            }
        } onGracefulShutdown: {
            // Stop taking records; those already queued are written if the database answers.
            self.continuation.finish()
        }
    }

    private func write(_ record: DatabaseRecord) async {
        var attempt = 0
        while true {
            attempt += 1
            do {
                try await withDeadline(.seconds(3)) { [client] in
                    for try await _ in try await client.query(record.insertQuery) {}
                }
                if attempt > 1 { logger.info("Queued record written", metadata: ["table": "\(record.table)", "attempts": "\(attempt)"]) }
                return
            } catch {
                if Task.isShuttingDownGracefully || Task.isCancelled {
                    logger.warning("Shutting down with an unwritten record", metadata: ["table": "\(record.table)", "error": "\(error)"])
                    return
                }
                if attempt == 1 {
                    logger.warning("Write failed; retrying until the database answers", metadata: ["table": "\(record.table)", "error": "\(error)"])
                }
                try? await Task.sleep(for: retryInterval)
            }
        }
    }
}

extension DatabaseRecord {
    /// The table this record goes to.
    var table: String {
        switch self {
        case .suggestion: "oracle_suggestions"
        case .insight: "insights"
        }
    }

    /// The parameterised INSERT for this record.
    var insertQuery: PostgresQuery {
        switch self {
        case .suggestion(let type, let json, let sessionID):
            "INSERT INTO oracle_suggestions (suggestion_type, suggestion, session_id) VALUES (\(type), \(json)::jsonb, \(sessionID))"
        case .insight(let type, let sealedContent, let source, let sessionID):
            "INSERT INTO insights (insight_type, content, source, session_id) VALUES (\(type), \(sealedContent), \(source), \(sessionID))"
        }
    }
}
