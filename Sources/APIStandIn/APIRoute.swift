import Hummingbird

/// The api stand-in's routes, each a path and the one method it answers: the routes are registered from here, and
/// the error middleware answers another method on one of these paths with 405 rather than 404.
enum APIRoute: String, CaseIterable, Sendable {
    /// The stand-in's own health: the Oracle's gRPC health check.
    case health = "/api/health"
    /// Liveness: the stand-in answers, whatever the Oracle does (Swarm's probe, which replaces a task that fails it).
    case live = "/api/live"
    /// The Oracle's HTTP `/health`, passed through.
    case oracleHealth = "/api/oracle/health"
    /// GetReading, `?datetime=`.
    case reading = "/api/oracle/reading"
    /// GetNameReading, `?name=`.
    case name = "/api/oracle/name"
    /// SuggestRange, a JSON body.
    case suggestRange = "/api/oracle/suggest-range"

    /// The one method the route answers.
    var method: HTTPRequest.Method {
        self == .suggestRange ? .post : .get
    }
}
