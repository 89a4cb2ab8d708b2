/// What REL.dbcrash measured around one SIGKILL of PostgreSQL's host PID.
package struct DatabaseCrashRecovery: Sendable {
    /// Whether the engine restarted the database.
    package let restarted: Bool
    /// The kill to the first /health 503.
    package let unhealthy: Duration?
    /// The database healthy again to the first /health 200 after it.
    package let healthyAgain: Duration?
    /// The readings made meanwhile.
    package let readings: ReadingsUnderFault

    /// A record from its parts.
    package init(restarted: Bool, unhealthy: Duration?, healthyAgain: Duration?, readings: ReadingsUnderFault) {
        self.restarted = restarted
        self.unhealthy = unhealthy
        self.healthyAgain = healthyAgain
        self.readings = readings
    }
}
