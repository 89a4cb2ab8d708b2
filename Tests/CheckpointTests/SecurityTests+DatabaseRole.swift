import CheckpointRules
import Foundation
import StackHarness
import Testing

extension Checkpoints.Security {
    /// Statements the Oracle never needs, each of which its role must be refused.
    static let forbiddenStatements = [
        "UPDATE oracle_suggestions SET accepted = true",
        "DELETE FROM insights",
        "TRUNCATE insights",
        "DROP TABLE oracle_suggestions",
        "ALTER TABLE insights ADD COLUMN nps_probe int",
        "CREATE TABLE nps_probe (id int)",
        "CREATE ROLE nps_probe",
        "SELECT rolpassword FROM pg_authid",
    ]

    @Test(
        "SEC.dbrole: the Oracle connects to PostgreSQL as a role that may only insert and select on its tables, never the superuser",
        arguments: [Requirements.secDatabaseRole]
    )
    func secDatabaseRole(_ requirement: Requirement) async throws {
        let stack = Stack.shared
        try await stack.ensureRunning()
        let database = try StackDatabase(stack: stack)
        let oracle = try await stack.docker.inspectContainer(StackServices.container("oracle"))
        let url = try #require(oracle.config.environment["DATABASE_URL"], "nps-oracle has no DATABASE_URL")
        let role = try #require(URLComponents(string: url)?.user, "DATABASE_URL of nps-oracle names no role")
        let quoted = "'" + role.replacingOccurrences(of: "'", with: "''") + "'"

        // The Oracle is the only client that connects over the network; psql here comes through the socket.
        let sessions = try await database.psql(
            "SELECT usename FROM pg_stat_activity WHERE backend_type = 'client backend' AND client_addr IS NOT NULL"
        )
        let powers = try await database.psql(
            "SELECT \(DatabaseRoleGrants.powers.joined(separator: ", ")) FROM pg_roles WHERE rolname = \(quoted)"
        )
        let flags = powers.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "|")
        try #require(flags.count == DatabaseRoleGrants.powers.count, "\(role) is not in pg_roles: \(powers.transcript)")
        let privileges = try await database.psql(
            """
            SELECT c.relname, p FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace,
              unnest(ARRAY['\(DatabaseRoleGrants.tablePrivileges.joined(separator: "','"))']) AS p
            WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
              AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND has_table_privilege(\(quoted), c.oid, p)
            """
        )
        let mayCreate = try await database.psql(
            "SELECT has_schema_privilege(\(quoted), 'public', 'CREATE') OR has_database_privilege(\(quoted), current_database(), 'CREATE')"
        )

        func tried(_ sql: String) async throws -> DatabaseRoleGrants.TriedStatement {
            let run = try await database.run(sql, as: role)
            let error = run.standardError.split(separator: "\n").first { $0.hasPrefix("ERROR:") }.map(String.init) ?? ""
            return DatabaseRoleGrants.TriedStatement(sql: sql, refused: !run.succeeded, error: error)
        }
        var forbidden: [DatabaseRoleGrants.TriedStatement] = []
        for sql in Self.forbiddenStatements { forbidden.append(try await tried(sql)) }
        let grants = DatabaseRoleGrants(
            role: role,
            superuser: database.user,
            sessionRoles: sessions.standardOutput.split(separator: "\n").map(String.init),
            powersHeld: zip(DatabaseRoleGrants.powers, flags).filter { $0.1 == "t" }.map(\.0),
            privileges: DatabaseRoleGrants.privileges(fromRows: privileges.standardOutput),
            mayCreate: mayCreate.standardOutput.hasPrefix("t"),
            forbidden: forbidden,
            allowedRead: try await tried("SELECT count(*) FROM insights")
        )
        try await prove(
            Measurement(
                DatabaseRoleChecks.leastPrivilege(grants),
                subject: "the role in nps-oracle's DATABASE_URL: pg_stat_activity, pg_roles, has_*_privilege, statements tried as it",
                limit: requirement.limit
            )
        )
    }
}
