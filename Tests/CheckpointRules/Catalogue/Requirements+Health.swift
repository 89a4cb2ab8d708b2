import StackHarness

/// Checkpoint 4: health checks (CP4.instruction is with the image's requirements).
extension Requirements {
    /// The spec's limit on one /health answer (CP4.endpoint and PERF.health).
    package static let healthAnswerLimit: Duration = .seconds(2)
    /// How soon /health must turn 503 once the database is gone: the Oracle probes it every second.
    package static let unreachableDatabaseLimit: Duration = .seconds(5)

    /// CP4.endpoint, from the harness.
    package static let cp4Endpoint = Requirement(
        "CP4.endpoint",
        asks: "GET /health on 8052 answers healthy JSON with database, gRPC and AI state, through the api too, and 503 without the database",
        limit: "< \(healthAnswerLimit.limitText), 200 {status: healthy, service: oracle, checks: database, grpc, ai}"
    )
    /// CP4.endpoint, through the api.
    package static let cp4EndpointThroughAPI = Requirement(
        "CP4.endpoint",
        asks: "GET /health from the api container",
        limit: "the Oracle's status and body"
    )
    /// CP4.endpoint, without the database.
    package static let cp4EndpointUnreachable = Requirement(
        "CP4.endpoint",
        asks: "GET /health with the database stopped",
        limit: "503 unhealthy within \(unreachableDatabaseLimit.limitText)"
    )
    /// CP4.endpoint, once the database is back.
    package static let cp4EndpointRecovered = Requirement(
        "CP4.endpoint",
        asks: "GET /health once the database is started again",
        limit: "200 healthy again"
    )
    /// CP4.services, the declared probes.
    package static let cp4Services = Requirement(
        "CP4.services",
        asks: "every service declares the spec's probe, and the engine reports each container healthy",
        limit: "pg_isready, oracle HTTP 8052, scanner gRPC 50051, api /api/health 8000, web-ui HTTP /healthz"
    )
    /// CP4.services, the engine's status.
    package static let cp4ServicesEngine = Requirement(
        "CP4.services",
        asks: "the engine reports each container healthy",
        limit: "all healthy, last probe passed"
    )
    /// CP4.script, on a healthy stack.
    package static let cp4Script = Requirement(
        "CP4.script",
        asks: "health-check.sh exits 0 in colour when all services are healthy and 1 naming a stopped one",
        limit: "exit 0, coloured"
    )
    /// CP4.script, with a service stopped.
    package static let cp4ScriptStopped = Requirement(
        "CP4.script",
        asks: "health-check.sh with the scanner stopped",
        limit: "exit 1 naming scanner, coloured"
    )
    /// CP4.status.
    package static let cp4Status = Requirement(
        "CP4.status",
        asks: "docker inspect nps-oracle --format '{{.State.Health.Status}}' is healthy",
        limit: "= healthy"
    )
}
