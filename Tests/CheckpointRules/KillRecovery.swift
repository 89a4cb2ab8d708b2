/// What REL.kill measured around one SIGKILL of the Oracle's host PID: the container before and after, and how long
/// after the kill each sign of recovery came (`nil` when it never came within the test's budget).
package struct KillRecovery: Sendable {
    /// The host PID that was killed, and the one the restarted process has.
    package let pids: (before: Int, after: Int)
    /// The engine's restart count before and after.
    package let restartCounts: (before: Int, after: Int)
    /// The Oracle's address on the stack's network before and after.
    package let addresses: (before: String, after: String)
    /// The kill to the first /health 200.
    package let healthAnswer: Duration?
    /// The kill to the end of the first passing health probe of the restarted container.
    package let engineHealthy: Duration?
    /// The kill to the first reading answered 200 through the api.
    package let apiAnswer: Duration?
    /// The kill to the scanner's "Oracle link up" logged after it.
    package let scannerLinkUp: Duration?

    /// Makes a record from its parts.
    package init(
        pids: (before: Int, after: Int),
        restartCounts: (before: Int, after: Int),
        addresses: (before: String, after: String),
        healthAnswer: Duration?,
        engineHealthy: Duration?,
        apiAnswer: Duration?,
        scannerLinkUp: Duration?
    ) {
        self.pids = pids
        self.restartCounts = restartCounts
        self.addresses = addresses
        self.healthAnswer = healthAnswer
        self.engineHealthy = engineHealthy
        self.apiAnswer = apiAnswer
        self.scannerLinkUp = scannerLinkUp
    }
}
