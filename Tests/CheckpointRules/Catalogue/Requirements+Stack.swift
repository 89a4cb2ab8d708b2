import StackHarness

/// Checkpoint 5: the whole stack.
extension Requirements {
    /// The spec's limit from `docker compose up -d` to all five healthy.
    package static let stackHealthyLimit: Duration = .seconds(120)
    /// How long the Oracle's queued write may take to show in the table.
    package static let suggestionWriteLimit: Duration = .seconds(5)
    /// The spec's limit from a container's stop signal to its exit.
    package static let stopLimit: Duration = .seconds(10)

    /// CP5.healthy, the whole start.
    package static let cp5Healthy = Requirement(
        "CP5.healthy",
        asks: "all five services are healthy soon after docker compose up -d",
        limit: "each ≤ \(stackHealthyLimit.limitText) after up"
    )
    /// CP5.healthy, one service.
    package static let cp5HealthyService = Requirement(
        "CP5.healthy",
        asks: "one service healthy after up -d",
        limit: "≤ \(stackHealthyLimit.limitText)"
    )
    /// CP5.order.
    package static let cp5Order = Requirement(
        "CP5.order",
        asks: "postgres → oracle and scanner (together) → api → web-ui, each started once its dependencies were healthy",
        limit: "each service starts after its dependencies are healthy"
    )
    /// CP5.logs.
    package static let cp5Logs = Requirement(
        "CP5.logs",
        asks: "the Oracle logs \"Oracle service started\", \"gRPC server listening on 50052\", \"Connected to database\"",
        limit: "each of the three at least once"
    )
    /// CP5.clean.
    package static let cp5Clean = Requirement("CP5.clean", asks: "no service logs an error-level line during a normal start", limit: "= 0")
    /// CP5.api, a reading over gRPC.
    package static let cp5API = Requirement(
        "CP5.api",
        asks: "the api container reaches the Oracle over gRPC (oracle:50052) and over HTTP (oracle:8052/health)",
        limit: "200, fc60.cycle 58"
    )
    /// CP5.api, gRPC health.
    package static let cp5APIHealth = Requirement("CP5.api", asks: "gRPC health through the api", limit: "200, oracle SERVING")
    /// CP5.api, HTTP health.
    package static let cp5APIHTTPHealth = Requirement("CP5.api", asks: "HTTP health through the api", limit: "200, the Oracle's healthy body")
    /// CP5.db.
    package static let cp5DB = Requirement(
        "CP5.db",
        asks: "SELECT COUNT(*) FROM oracle_suggestions works and grows after a range suggestion",
        limit: "count works and grows within \(suggestionWriteLimit.limitText)"
    )
    /// CP5.ai, the answer used.
    package static let cp5AI = Requirement(
        "CP5.ai",
        asks: "with a key the Oracle calls the Messages API and uses its answer; without one it warns once and answers by its rules",
        limit: "the Messages API's text as the reading's summary"
    )
    /// CP5.ai, the requests.
    package static let cp5AIRequests = Requirement(
        "CP5.ai",
        asks: "the Messages API requests",
        limit: "x-api-key, anthropic-version 2023-06-01; key never logged"
    )
    /// CP5.ai, without a key.
    package static let cp5AIKeyless = Requirement("CP5.ai", asks: "without a key", limit: "exactly 1 warning; reading 200")
    /// CP5.restart.
    package static let cp5Restart = Requirement(
        "CP5.restart",
        asks: "after docker compose restart oracle it is healthy again, logs \"Connected to database\" again and oracle.log kept its lines",
        limit: "healthy, \"Connected to database\" again, earlier oracle.log lines kept"
    )
    /// CP5.down, the whole stop.
    package static let cp5Down = Requirement(
        "CP5.down",
        asks: "docker compose down stops every service gracefully with a clean status, not SIGKILL",
        limit: "each < \(stopLimit.limitText), exit 0, no SIGKILL"
    )
    /// CP5.down, one container.
    package static let cp5DownContainer = Requirement("CP5.down", asks: "one container's stop", limit: "< \(stopLimit.limitText), clean exit")
}
