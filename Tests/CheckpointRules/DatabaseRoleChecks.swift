/// SEC.dbrole: the Oracle's database role may read and add rows to its two tables and nothing else.
package enum DatabaseRoleChecks {
    /// Every point of SEC.dbrole on the measured grants, naming each broken one.
    package static func leastPrivilege(_ grants: DatabaseRoleGrants) -> CheckOutcome {
        var points = RequirementPoints(Requirements.secDatabaseRole.id)
        let role = grants.role
        points.expect(!role.isEmpty && role != grants.superuser, "the Oracle logs in as \(role.isEmpty ? "no role" : role), the superuser")
        points.expect(!grants.sessionRoles.isEmpty, "no session of the Oracle was seen in pg_stat_activity")
        let others = Set(grants.sessionRoles).subtracting([role])
        points.expect(others.isEmpty, "network sessions as \(others.sorted().joined(separator: ", ")), not \(role)")
        points.expect(grants.powersHeld.isEmpty, "\(role) holds \(grants.powersHeld.joined(separator: ", "))")
        for table in DatabaseRoleGrants.oracleTables.sorted() {
            let held = grants.privileges[table] ?? []
            points.expect(
                held == DatabaseRoleGrants.neededPrivileges,
                "\(role) holds \(held.isEmpty ? "nothing" : held.sorted().joined(separator: ", ")) on \(table), not SELECT and INSERT"
            )
        }
        for (table, held) in grants.privileges.sorted(by: { $0.key < $1.key }) where !DatabaseRoleGrants.oracleTables.contains(table) {
            points.expect(held.isEmpty, "\(role) holds \(held.sorted().joined(separator: ", ")) on \(table), which is not the Oracle's")
        }
        points.expect(!grants.mayCreate, "\(role) may create objects in the database or schema public")
        points.expect(
            !grants.allowedRead.refused,
            "\(role) could not read its own table (\(grants.allowedRead.error)), so its refusals prove nothing"
        )
        for statement in grants.forbidden {
            points.expect(statement.refused, "\(role) was allowed to run \(statement.sql)")
        }
        let refusals = grants.forbidden.filter(\.refused).map { "\($0.sql.split(separator: " ").first ?? "") → \($0.error)" }
        return points.outcome(
            summary:
                "the Oracle's \(grants.sessionRoles.count) sessions log in as \(role) (no special attribute), SELECT and INSERT on \(DatabaseRoleGrants.oracleTables.sorted().joined(separator: " and ")) only; refused: \(refusals.joined(separator: "; "))"
        )
    }
}
