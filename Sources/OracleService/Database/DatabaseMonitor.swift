import Logging
import PostgresNIO
import ServiceLifecycle

/// Probes the database every second on a connection of its own, so health answers come from fresh state without
/// waiting on it; logs "Connected to database" each time it becomes reachable, and why it is not, once per change
/// of reason.
///
/// Its own connection, not the pool's: the pool makes a query wait while it reconnects, which hides a database that
/// crashed and came back within the probe's patience, and keeps the reason to itself. When the server closes the
/// connection (a crash, a restart) the monitor counts the database as unreachable at once, and reconnects at the
/// next probe.
struct DatabaseMonitor: Service {
    /// Where the result is kept.
    let status: OracleStatus
    /// The database's address, for the connection and for log lines (never the password).
    let target: DatabaseURL
    /// Where transitions are logged.
    let logger: Logger
    /// Pause between probes.
    var interval: Duration = .seconds(1)
    /// How long one probe (a connection, a query) may take before the database counts as unreachable.
    var probeTimeout: Duration = .milliseconds(1500)

    func run() async throws {
        await cancelWhenGracefulShutdown { await self.probeUntilCancelled() }
    }

    private func probeUntilCancelled() async {
        var connection: PostgresConnection?
        // The reason last logged, so an outage is logged once per change of reason, not once per probe.
        var loggedProblem: DatabaseProblem?
        while !Task.isCancelled {
            var problem: DatabaseProblem?
            do {
                let open = try await openConnection(connection)
                connection = open
                try await withDeadline(probeTimeout) { [logger] in
                    for try await _ in try await open.query("SELECT 1", logger: logger) {}
                }
            } catch is DeadlineExceeded {
                problem = .noAnswer(within: probeTimeout)
            } catch {
                problem = DatabaseProblem(error)
            }
            // A probe ended by the shutdown's cancellation says nothing about the database.
            if Task.isCancelled { break }
            if problem != nil {
                try? await connection?.close()
                connection = nil
            }
            record(problem, logged: &loggedProblem)
            if await pause(watching: connection) {
                // The server closed the connection: it crashed or restarted, so it is unreachable now.
                record(DatabaseProblem(description: "the server closed the connection"), logged: &loggedProblem)
                connection = nil
                try? await Task.sleep(for: interval)
            }
        }
        try? await connection?.close()
    }

    // The open connection, or a new one. A connection given up on (too slow, or the shutdown came first) is closed
    // whenever it does open: none is left open, nor dropped unclosed.
    private func openConnection(_ connection: PostgresConnection?) async throws -> PostgresConnection {
        if let connection, !connection.isClosed { return connection }
        let attempt = Task { [target, logger] in try await PostgresConnection.open(target, logger: logger) }
        do {
            return try await withDeadline(probeTimeout) { try await attempt.value }
        } catch {
            Task { try? await attempt.value.close() }
            throw error
        }
    }

    private func record(_ problem: DatabaseProblem?, logged loggedProblem: inout DatabaseProblem?) {
        if status.recordDatabase(reachable: problem == nil), problem == nil {
            logger.info(
                "Connected to database",
                metadata: ["host": "\(target.host)", "port": "\(target.port)", "database": "\(target.database)"]
            )
        }
        if let problem, problem != loggedProblem {
            logger.warning(
                "Database unreachable; readings go on, writes wait",
                metadata: ["host": "\(target.host)", "port": "\(target.port)", "reason": "\(problem)"]
            )
        }
        loggedProblem = problem
    }

    // Sleeps one interval, or less when `connection` closes meanwhile; returns whether it closed. Looking every 50 ms
    // costs nothing measurable, where a callback on the connection's close would pile up one per probe.
    private func pause(watching connection: PostgresConnection?) async -> Bool {
        let end = ContinuousClock.now + interval
        while ContinuousClock.now < end, !Task.isCancelled {
            if connection?.isClosed == true { return true }
            try? await Task.sleep(for: min(.milliseconds(50), end - ContinuousClock.now))
        }
        return false
    }
}
