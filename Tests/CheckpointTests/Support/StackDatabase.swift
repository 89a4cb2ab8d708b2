import CheckpointRules
import Foundation
import ProcessRunning
import StackHarness

/// The stack's database as the tests read it: `psql` in nps-postgres, as the role and database of the stack's env file.
struct StackDatabase: Sendable {
    /// psql failed; the transcript says why.
    struct QueryFailure: Error, CustomStringConvertible {
        /// The command's transcript.
        let description: String
    }

    /// The stack the database belongs to.
    let stack: Stack
    /// POSTGRES_USER.
    let user: String
    /// POSTGRES_DB.
    let name: String

    /// The database of `stack`, with the role and name from its env file.
    init(stack: Stack) throws {
        self.stack = stack
        let environment = try stack.environment()
        guard let user = environment["POSTGRES_USER"]?.value, let name = environment["POSTGRES_DB"]?.value else {
            throw QueryFailure(description: "POSTGRES_USER or POSTGRES_DB is not in the stack's env file")
        }
        self.user = user
        self.name = name
    }

    /// `psql -Atc sql` (fields separated by `|`) as POSTGRES_USER; throws when psql fails.
    @discardableResult
    func psql(_ sql: String) async throws -> CommandResult {
        let run = try await run(sql, as: user)
        guard run.succeeded else { throw QueryFailure(description: "psql failed: \(run.transcript)") }
        return run
    }

    /// `psql -Atc sql` as `role` over the container's socket, whatever PostgreSQL answers.
    func run(_ sql: String, as role: String) async throws -> CommandResult {
        try await stack.docker.exec(
            StackServices.container("postgres"),
            ["psql", "-v", "ON_ERROR_STOP=1", "-U", role, "-d", name, "-Atc", sql],
            timeout: .seconds(30)
        )
    }

    /// The rows stored for the write run whose keys start with `prefix`.
    func storedWrites(prefix: String) async throws -> StoredWrites {
        let pattern = "'" + prefix.replacingOccurrences(of: "'", with: "''") + "-%'"
        let suggestions = try await psql("SELECT record_key FROM oracle_suggestions WHERE record_key LIKE \(pattern)")
        let insights = try await psql("SELECT session_id, record_key FROM insights WHERE session_id LIKE \(pattern)")
        return StoredWrites(suggestionKeys: suggestions.standardOutput, insightPairs: insights.standardOutput)
    }

    /// Polls every 500 ms until every acknowledged key of `writes` has its rows or `budget` passes; returns the rows
    /// and, when they all came, how long after `since` the poll saw them.
    func waitUntilStored(
        _ writes: OracleWriteReport,
        prefix: String,
        since: Date,
        budget: Duration
    ) async throws -> (
        stored: StoredWrites, after: Duration?
    ) {
        let acknowledged = Set(writes.acknowledgedKeys)
        let deadline = ContinuousClock.now + budget
        while true {
            let stored = try await storedWrites(prefix: prefix)
            if acknowledged.isSubset(of: stored.keys) { return (stored, .seconds(max(0, Date().timeIntervalSince(since)))) }
            if ContinuousClock.now >= deadline { return (stored, nil) }
            try await Task.sleep(for: .milliseconds(500))
        }
    }
}
