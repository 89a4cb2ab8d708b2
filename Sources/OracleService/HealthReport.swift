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

    init(status: Status, version: String, uptimeSeconds: Int64, checks: [String: String]) {
        self.status = status
        self.version = version
        self.uptimeSeconds = uptimeSeconds
        self.checks = checks
    }

    enum CodingKeys: String, CodingKey {
        case status, service, version, checks
        case uptimeSeconds = "uptime_seconds"
    }
}
