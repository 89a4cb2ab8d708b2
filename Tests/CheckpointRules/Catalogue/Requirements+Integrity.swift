/// Integrity (INT.*): nothing acknowledged is lost.
extension Requirements {
    /// INT.outage: how long PostgreSQL stays stopped while writes go on.
    package static let outageDuration: Duration = .seconds(30)
    /// INT.outage: from the database being healthy again to every acknowledged record stored.
    package static let outageDrainLimit: Duration = .seconds(15)
    /// INT.poison: how soon the records after a refused one are stored.
    package static let poisonLimit: Duration = .seconds(5)

    /// INT.outage.
    package static let intOutage = Requirement(
        "INT.outage",
        asks: "PostgreSQL stopped for \(outageDuration.limitText) while a client makes acknowledged writes (SuggestRange, AnalyzeSession); "
            + "the Oracle is not restarted",
        limit: "every acknowledged record stored exactly once ≤ \(outageDrainLimit.limitText) after the database is healthy again"
    )
    /// INT.crash.
    package static let intCrash = Requirement(
        "INT.crash",
        asks: "the Oracle killed with SIGKILL (its host PID) while acknowledged records are unwritten (database stopped)",
        limit: "after the restart and the database's return, every acknowledged record stored exactly once"
    )
    /// INT.restart.
    package static let intRestart = Requirement(
        "INT.restart",
        asks: "acknowledged, unwritten records across `docker compose restart oracle` and `down` / `up`",
        limit: "every acknowledged record stored exactly once"
    )
    /// INT.poison.
    package static let intPoison = Requirement(
        "INT.poison",
        asks: "a record the database refuses for good never blocks the records after it",
        limit: "refused at the API with INVALID_ARGUMENT naming the field, or set aside with one ERROR line naming the table and reason "
            + "and counted by /health; the records after it stored ≤ \(poisonLimit.limitText)"
    )
    /// INT.backpressure.
    package static let intBackpressure = Requirement(
        "INT.backpressure",
        asks: "unwritten records reach their bound (in bytes and in count)",
        limit: "new writes get UNAVAILABLE or RESOURCE_EXHAUSTED, never OK and a silent drop; /health reports how many wait"
    )
    /// INT.once.
    package static let intOnce = Requirement(
        "INT.once",
        asks: "a write retried after a timeout, with the database slowed down (paused, then resumed)",
        limit: "stored once: rows = acknowledged calls"
    )
    /// INT.backup.
    package static let intBackup = Requirement(
        "INT.backup",
        asks: "backup.sh makes a consistent backup while the stack runs and prints its path last; restore.sh PATH restores it",
        limit: "row counts and content checksums of both tables match the backup"
    )
}
