import CheckpointRules
import Testing

/// SEC.dbrole on grants as the stack's database reports them, and on each way they could be too wide.
@Suite("Database role rule (SEC.dbrole)")
struct DatabaseRoleRules {
    /// Grants like the stack's: nps_oracle, SELECT and INSERT on the two tables, every forbidden statement refused.
    static func grants(
        role: String = "nps_oracle",
        sessionRoles: [String] = ["nps_oracle", "nps_oracle"],
        powersHeld: [String] = [],
        privileges: [String: Set<String>] = ["oracle_suggestions": ["SELECT", "INSERT"], "insights": ["SELECT", "INSERT"]],
        mayCreate: Bool = false,
        deleteRefused: Bool = true,
        readRefused: Bool = false
    ) -> DatabaseRoleGrants {
        DatabaseRoleGrants(
            role: role,
            superuser: "nps",
            sessionRoles: sessionRoles,
            powersHeld: powersHeld,
            privileges: privileges,
            mayCreate: mayCreate,
            forbidden: [
                .init(
                    sql: "DELETE FROM insights",
                    refused: deleteRefused,
                    error: deleteRefused ? "ERROR:  permission denied for table insights" : ""
                ),
                .init(sql: "CREATE TABLE nps_probe (id int)", refused: true, error: "ERROR:  permission denied for schema public"),
            ],
            allowedRead: .init(sql: "SELECT count(*) FROM insights", refused: readRefused, error: readRefused ? "ERROR:  permission denied" : "")
        )
    }

    @Test("A role with SELECT and INSERT on the two tables, refused everything else, passes")
    func leastPrivilegeHolds() {
        let outcome = DatabaseRoleChecks.leastPrivilege(Self.grants())
        #expect(outcome.passed, "\(outcome.reason)")
        #expect(
            outcome.measured.contains("as nps_oracle") && outcome.measured.contains("permission denied for table insights"),
            "\(outcome.measured)"
        )
    }

    @Test("The Oracle as the superuser, or a network session as another role, fails")
    func superuserFails() {
        let asOwner = DatabaseRoleChecks.leastPrivilege(Self.grants(role: "nps", sessionRoles: ["nps"]))
        #expect(!asOwner.passed && asOwner.reason.contains("the Oracle logs in as nps, the superuser"), "\(asOwner.reason)")
        let mixed = DatabaseRoleChecks.leastPrivilege(Self.grants(sessionRoles: ["nps_oracle", "nps"]))
        #expect(!mixed.passed && mixed.reason.contains("network sessions as nps, not nps_oracle"), "\(mixed.reason)")
        let unseen = DatabaseRoleChecks.leastPrivilege(Self.grants(sessionRoles: []))
        #expect(!unseen.passed && unseen.reason.contains("no session of the Oracle"), "\(unseen.reason)")
    }

    @Test("A power, a wider grant, a grant on another table or CREATE fails, naming it")
    func widerGrantsFail() {
        let cases: [(DatabaseRoleGrants, String)] = [
            (Self.grants(powersHeld: ["rolcreaterole"]), "nps_oracle holds rolcreaterole"),
            (
                Self.grants(privileges: ["oracle_suggestions": ["SELECT", "INSERT", "UPDATE"], "insights": ["SELECT", "INSERT"]]),
                "INSERT, SELECT, UPDATE on oracle_suggestions"
            ),
            (
                Self.grants(privileges: ["oracle_suggestions": ["SELECT"], "insights": ["SELECT", "INSERT"]]),
                "SELECT on oracle_suggestions, not SELECT and INSERT"
            ),
            (
                Self.grants(privileges: ["oracle_suggestions": ["SELECT", "INSERT"], "insights": ["SELECT", "INSERT"], "secrets": ["SELECT"]]),
                "SELECT on secrets, which is not the Oracle's"
            ),
            (Self.grants(mayCreate: true), "may create objects"),
        ]
        for (grants, problem) in cases {
            let outcome = DatabaseRoleChecks.leastPrivilege(grants)
            #expect(!outcome.passed && outcome.reason.contains(problem), "\(problem): \(outcome.reason)")
        }
    }

    @Test("A forbidden statement that ran fails, and refusals count for nothing when the role cannot even read")
    func allowedStatementFails() {
        let deleted = DatabaseRoleChecks.leastPrivilege(Self.grants(deleteRefused: false))
        #expect(!deleted.passed && deleted.reason.contains("was allowed to run DELETE FROM insights"), "\(deleted.reason)")
        let locked = DatabaseRoleChecks.leastPrivilege(Self.grants(readRefused: true))
        #expect(!locked.passed && locked.reason.contains("could not read its own table"), "\(locked.reason)")
    }
}
