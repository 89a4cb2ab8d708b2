import Logging
import PostgresNIO
import ServiceLifecycle

/// Probes the database every second so that health answers come from fresh state without waiting on it,
/// and logs "Connected to database" each time it becomes reachable.
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
        while !Task.isCancelled {
            let probe = stuckProbe ?? Task { [client] in try await Self.selectOne(client) }
            let reachable: Bool
            do {
                try await withDeadline(probeTimeout) { try await probe.value }
                reachable = true
                stuckProbe = nil
            } catch is DeadlineExceeded {
                reachable = false
                stuckProbe = probe
            } catch {
                reachable = false
                stuckProbe = nil
            }
            if status.recordDatabase(reachable: reachable) {
                if reachable {
                    logger.info(
                        "Connected to database",
                        metadata: ["host": "\(target.host)", "port": "\(target.port)", "database": "\(target.database)"]
                    )
                } else {
                    logger.warning(
                        "Database unreachable; readings go on, writes wait",
                        metadata: ["host": "\(target.host)", "port": "\(target.port)"]
                    )
                }
            }
            try? await Task.sleep(for: interval)
        }
        stuckProbe?.cancel()
    }

    private static func selectOne(_ client: PostgresClient) async throws {
        let rows = try await client.query("SELECT 1")
        for try await _ in rows {}
    }
}
