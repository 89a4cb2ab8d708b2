import Logging
import PostgresNIO
import ServiceLifecycle

/// Probes the database every second so that health answers come from fresh state without waiting on it, logs
/// "Connected to database" each time it becomes reachable, and why it is not, once per change of reason.
struct DatabaseMonitor: Service {
    /// The pool being watched.
    let client: PostgresClient
    /// Where the result is kept.
    let status: OracleStatus
    /// The database's address, for log lines (never the password).
    let target: DatabaseURL
    /// Where transitions are logged.
    let logger: Logger
    /// Pause between probes.
    var interval: Duration = .seconds(1)
    /// How long one probe may take before the database counts as unreachable.
    var probeTimeout: Duration = .milliseconds(1500)

    func run() async throws {
        await cancelWhenGracefulShutdown { await self.probeUntilCancelled() }
    }

    private func probeUntilCancelled() async {
        // A probe stuck on a dead connection is not repeated; the next round awaits it again.
        var stuckProbe: Task<Void, any Error>?
        // The reason last logged, so an outage is logged once per change of reason, not once per probe.
        var loggedProblem: DatabaseProblem?
        while !Task.isCancelled {
            let probe = stuckProbe ?? Task { [client] in try await Self.selectOne(client) }
            var problem: DatabaseProblem?
            do {
                try await withDeadline(probeTimeout) { try await probe.value }
                stuckProbe = nil
            } catch is DeadlineExceeded {
                problem = await diagnosis()
                stuckProbe = probe
            } catch {
                problem = DatabaseProblem(error)
                stuckProbe = nil
            }
            // A probe ended by the shutdown's cancellation says nothing about the database.
            if Task.isCancelled { break }
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
            try? await Task.sleep(for: interval)
        }
        stuckProbe?.cancel()
    }

    // Why the pool gave no answer: one direct connection says (a refused connection, a wrong password, a missing
    // database), or it too gets no answer in time.
    private func diagnosis() async -> DatabaseProblem {
        do {
            try await withDeadline(probeTimeout) { [target, logger] in try await PostgresConnection.attempt(target, logger: logger) }
            return DatabaseProblem(description: "the pool gave no answer within \(probeTimeout), though a new connection succeeds")
        } catch is DeadlineExceeded {
            return .noAnswer(within: probeTimeout)
        } catch {
            return DatabaseProblem(error)
        }
    }

    private static func selectOne(_ client: PostgresClient) async throws {
        let rows = try await client.query("SELECT 1")
        for try await _ in rows {}
    }
}
