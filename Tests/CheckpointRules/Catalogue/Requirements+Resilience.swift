/// Resilience (REL.*): faults heal by themselves.
extension Requirements {
    /// REL.kill: from the SIGKILL to the restarted Oracle's first /health 200.
    package static let killHealthLimit: Duration = .seconds(5)
    /// REL.kill: from the SIGKILL to the engine calling it healthy: one health interval (10 s) and 5 s.
    package static let killEngineHealthyLimit: Duration = .seconds(15)
    /// REL.kill: from the SIGKILL to a call through the api succeeding again.
    package static let killAPILimit: Duration = .seconds(15)

    /// REL.kill.
    package static let relKill = Requirement(
        "REL.kill",
        asks: "the Oracle killed with SIGKILL is restarted by the engine; the api and the scanner reach it again at whatever address it now has",
        limit: "restarted; /health 200 ≤ \(killHealthLimit.limitText), engine-healthy ≤ \(killEngineHealthyLimit.limitText), "
            + "a reading through the api and the scanner's link up ≤ \(killAPILimit.limitText) after the kill"
    )

    /// REL.dbcrash: from the database's SIGKILL to /health's first 503.
    package static let dbCrashUnhealthyLimit: Duration = .seconds(3)
    /// REL.dbcrash: from the database healthy again to /health's first 200.
    package static let dbCrashHealthyLimit: Duration = .seconds(15)
    /// REL.reboot: from the restart of all five containers to health-check.sh passing and a reading through the web-ui.
    package static let rebootLimit: Duration = .seconds(60)
    /// REL.aidown: the 99th percentile of readings with the AI host out of reach.
    package static let aiDownP99Limit: Duration = .milliseconds(2500)

    /// REL.dbcrash.
    package static let relDBCrash = Requirement(
        "REL.dbcrash",
        asks: "PostgreSQL killed with SIGKILL under load",
        limit: "/health 503 ≤ \(dbCrashUnhealthyLimit.limitText) after the kill, 200 ≤ \(dbCrashHealthyLimit.limitText) after the database "
            + "is healthy; no reading fails"
    )
    /// REL.dbhang.
    package static let relDBHang = Requirement(
        "REL.dbhang",
        asks: "PostgreSQL paused (answers nothing)",
        limit: "/health keeps answering in < \(healthAnswerLimit.limitText) (503); no reading fails"
    )
    /// REL.reboot.
    package static let relReboot = Requirement(
        "REL.reboot",
        asks: "all five containers restarted at once",
        limit: "health-check.sh exits 0 and a reading through the web-ui succeeds ≤ \(rebootLimit.limitText), with no manual step"
    )
    /// REL.diskfull.
    package static let relDiskFull = Requirement(
        "REL.diskfull",
        asks: "the Oracle's log volume full",
        limit: "keeps serving and healthy, reports it once, stdout complete, no partial line in the file"
    )
    /// REL.aidown.
    package static let relAIDown = Requirement(
        "REL.aidown",
        asks: "a key set and the AI host unresolvable or black-holed",
        limit: "every answer OK from the rules, p99 ≤ \(aiDownP99Limit.limitText)"
    )
}
