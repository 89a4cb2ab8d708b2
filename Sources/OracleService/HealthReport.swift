/// The Oracle's health as both health endpoints state it.
struct HealthReport: Sendable, Equatable, Encodable {
    /// Overall verdict.
    enum Status: String, Sendable, Encodable {
        case healthy, degraded, unhealthy
    }

    /// Overall verdict.
    var status: Status
    /// Always "oracle": lets a caller tell which service answered.
    var service = "oracle"
    /// The running version.
    var version: String
    /// Seconds since start.
    var uptimeSeconds: Int64
    /// One word per dependency: database, grpc, ai.
    var checks: [String: String]
    /// Records acknowledged and waiting in the spool for the database.
    var pending: Int
    /// Records the database refused for good, kept in the dead-letter file.
    var setAside: Int

    init(status: Status, version: String, uptimeSeconds: Int64, backlog: WriteBacklog, checks: [String: String]) {
        self.status = status
        self.version = version
        self.uptimeSeconds = uptimeSeconds
        self.checks = checks
        pending = backlog.pending
        setAside = backlog.setAside
    }

    enum CodingKeys: String, CodingKey {
        case status, service, version, checks, pending
        case uptimeSeconds = "uptime_seconds"
        case setAside = "set_aside"
    }
}
