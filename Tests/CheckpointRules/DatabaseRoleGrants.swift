/// What PostgreSQL lets the Oracle's role do, as the SEC.dbrole test reads it: the role's attributes in `pg_roles`,
/// its privileges on every table, and statements tried as that role.
package struct DatabaseRoleGrants: Sendable {
    /// A statement run as the role, and what PostgreSQL said.
    package struct TriedStatement: Sendable {
        /// The SQL.
        package let sql: String
        /// Whether PostgreSQL refused it.
        package let refused: Bool
        /// psql's error line when refused (e.g. "permission denied for table insights"), else empty.
        package let error: String

        /// A tried statement.
        package init(sql: String, refused: Bool, error: String) {
            self.sql = sql
            self.refused = refused
            self.error = error
        }
    }

    /// The tables the Oracle reads and adds rows to.
    package static let oracleTables: Set<String> = ["oracle_suggestions", "insights"]
    /// The privileges it needs on them.
    package static let neededPrivileges: Set<String> = ["SELECT", "INSERT"]
    /// Privileges a table can grant, each asked of the role by `has_table_privilege`.
    package static let tablePrivileges = ["SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER"]
    /// The `pg_roles` attributes that give power beyond the role's grants.
    package static let powers = ["rolsuper", "rolcreaterole", "rolcreatedb", "rolreplication", "rolbypassrls"]

    /// The role in the Oracle's DATABASE_URL.
    package let role: String
    /// The database's owner (POSTGRES_USER), which the Oracle must not be.
    package let superuser: String
    /// The role of every session that came over the network (the Oracle's pool and its monitor; psql in the container uses the socket).
    package let sessionRoles: [String]
    /// The attributes of `powers` the role holds.
    package let powersHeld: [String]
    /// Privileges the role holds, by table, over every table outside the system schemas.
    package let privileges: [String: Set<String>]
    /// Whether it may create objects in schema public or in the database.
    package let mayCreate: Bool
    /// What it was not allowed to do, tried.
    package let forbidden: [TriedStatement]
    /// A read of its own table, tried: it must succeed, or the refusals prove nothing.
    package let allowedRead: TriedStatement

    /// The measured grants.
    package init(
        role: String,
        superuser: String,
        sessionRoles: [String],
        powersHeld: [String],
        privileges: [String: Set<String>],
        mayCreate: Bool,
        forbidden: [TriedStatement],
        allowedRead: TriedStatement
    ) {
        self.role = role
        self.superuser = superuser
        self.sessionRoles = sessionRoles
        self.powersHeld = powersHeld
        self.privileges = privileges
        self.mayCreate = mayCreate
        self.forbidden = forbidden
        self.allowedRead = allowedRead
    }

    /// Privileges by table from `psql -At` rows `table|privilege`.
    package static func privileges(fromRows text: String) -> [String: Set<String>] {
        var privileges: [String: Set<String>] = [:]
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: "|", omittingEmptySubsequences: false)
            guard fields.count == 2 else { continue }
            privileges[String(fields[0]), default: []].insert(String(fields[1]))
        }
        return privileges
    }
}
