import Logging
import PostgresNIO
import ServiceLifecycle

/// Stores the spool's records in PostgreSQL, oldest first, in batches; a record leaves the spool only once its row
/// is stored or it is set aside.
///
/// While the database is away the records wait in the spool (one log line when the backlog starts, one when it is
/// drained) and the write is retried with capped backoff. A record the database refuses for good is found by
/// retrying its batch one record at a time, and set aside, so it never blocks the records after it.
final class RecordWriter: Service, Sendable {
    /// Batch size, timeouts and backoff.
    struct Configuration: Sendable {
        /// Most records stored by one round of INSERTs.
        var batchSize = 500
        /// How long one round may take before it counts as failed (and is retried; keys keep it from storing twice).
        var statementTimeout: Duration = .seconds(5)
        /// The first pause after a failed round; it doubles up to `longestRetryPause`.
        var firstRetryPause: Duration = .milliseconds(100)
        /// The longest pause between retries, so a returning database is used within it.
        var longestRetryPause: Duration = .seconds(2)
    }

    /// Since when records wait because the database did not take them.
    private struct Backlog {
        let since: ContinuousClock.Instant
        var stored = 0
    }

    private let client: PostgresClient
    private let spool: RecordSpool
    private let logger: Logger
    private let configuration: Configuration

    /// A writer from `spool` to the database behind `client`.
    init(client: PostgresClient, spool: RecordSpool, logger: Logger, configuration: Configuration = Configuration()) {
        self.client = client
        self.spool = spool
        self.logger = logger
        self.configuration = configuration
    }

    func run() async throws {
        await cancelWhenGracefulShutdown { await self.storeArrivals() }
        let waiting = spool.backlog.pending
        if waiting > 0 {
            logger.info("Stopping with records in the spool; the next start stores them", metadata: ["records": "\(waiting)"])
        }
    }

    private func storeArrivals() async {
        // Records replayed from the spool are a backlog from the start.
        var backlog = spool.backlog.pending > 0 ? Backlog(since: .now) : nil
        var pause = configuration.firstRetryPause
        for await _ in spool.arrivals {
            while !Task.isCancelled {
                let batch = spool.oldest(configuration.batchSize)
                guard !batch.isEmpty else { break }
                if let reason = await storeInOrder(batch) {
                    if backlog == nil {
                        backlog = Backlog(since: .now)
                        logger.warning(
                            "Write backlog started: records wait in the spool until the database takes them",
                            metadata: ["reason": "\(reason)", "pending": "\(spool.backlog.pending)"]
                        )
                    }
                    try? await Task.sleep(for: pause)
                    pause = min(pause * 2, configuration.longestRetryPause)
                } else {
                    backlog?.stored += batch.count
                    pause = configuration.firstRetryPause
                }
            }
            if let drained = backlog, !Task.isCancelled, spool.backlog.pending == 0 {
                logger.info(
                    "Write backlog drained: every waiting record is stored",
                    metadata: ["records": "\(drained.stored)", "waited": "\(ContinuousClock.now - drained.since)"]
                )
                backlog = nil
            }
        }
    }

    // Stores `batch` in one round; when the database refuses it for good, one record at a time, setting aside each
    // record it refuses. Returns nil when every record is stored or set aside, else why the rest must wait.
    private func storeInOrder(_ batch: [RecordSpool.Entry]) async -> String? {
        switch await store(batch) {
        case nil:
            spool.markStored(batch.count)
            return nil
        case .transient(let reason)?:
            return reason
        case .refused(let reason)? where batch.count == 1:
            return setAside(batch[0], reason: reason)
        case .refused?:
            for entry in batch {
                switch await store([entry]) {
                case nil: spool.markStored(1)
                case .refused(let reason)?: if let failure = setAside(entry, reason: reason) { return failure }
                case .transient(let reason)?: return reason
                }
            }
            return nil
        }
    }

    private func store(_ batch: [RecordSpool.Entry]) async -> WriteFailure? {
        let queries = RecordInsert.queries(for: batch.map(\.record))
        do {
            try await withDeadline(configuration.statementTimeout) { [client] in
                for query in queries {
                    for try await _ in try await client.query(query) {}
                }
            }
            return nil
        } catch {
            return WriteFailure(error)
        }
    }

    // Returns nil once the record is in the dead-letter file, else why it stays in the spool.
    private func setAside(_ entry: RecordSpool.Entry, reason: String) -> String? {
        do {
            try spool.setAsideOldest(entry, reason: reason)
        } catch {
            // Kept in the spool: it is tried again, and set aside once the dead-letter file can be written.
            return "the database refuses a record (\(reason)) and the dead-letter file cannot be written: \(error)"
        }
        logger.error(
            "Record set aside: the database refuses it for good",
            metadata: [
                "table": "\(entry.record.record.table)", "reason": "\(reason)", "record_key": "\(entry.record.key)",
                "dead_letter": "\(spool.configuration.deadLetterPath)",
            ]
        )
        return nil
    }
}
