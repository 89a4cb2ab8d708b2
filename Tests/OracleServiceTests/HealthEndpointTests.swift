import ServiceTesting
import TestPostgres
import Testing

/// `GET /health`, `/health/ready` and `/health/live` on the health port, with the database reachable and away: an
/// orchestrator replaces a task whose liveness fails, so liveness must not follow the database.
@Suite("Oracle health, readiness and liveness")
struct HealthEndpointTests {
    /// A database URL nothing answers on.
    static let unreachableDatabase = "postgres://nps:secret-pw@127.0.0.1:1/nps?sslmode=disable"

    /// The parts of a health report that do not move between two answers (uptime does).
    static func verdict(_ body: [String: Any]) -> [String] {
        let checks = (body["checks"] as? [String: String] ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        return [body["status"] as? String ?? "-", body["service"] as? String ?? "-"] + checks
    }

    /// Expects `/health/live` of `oracle` to answer 200 alive.
    static func expectAlive(_ oracle: RunningOracle, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let live = try await oracle.health("/health/live")
        #expect(live.status == 200, sourceLocation: sourceLocation)
        #expect(live.body["status"] as? String == "alive", "\(live.body)", sourceLocation: sourceLocation)
        #expect(live.body["service"] as? String == "oracle", sourceLocation: sourceLocation)
        #expect(live.body["uptime_seconds"] is Int, "\(live.body)", sourceLocation: sourceLocation)
        #expect(live.body["checks"] == nil, "liveness reports no dependency", sourceLocation: sourceLocation)
    }

    @Test("database reachable: /health and /health/ready 200 with the same report, /health/live 200 alive")
    func databaseReachable() async throws {
        let configuration = try RunningOracle.configuration(databaseURL: try await TestDatabase.shared.start())
        try await RunningOracle.with(configuration) { oracle in
            #expect(await eventually(within: .seconds(5)) { (try? await oracle.health().status) == 200 })
            let health = try await oracle.health()
            let ready = try await oracle.health("/health/ready")
            #expect(ready.status == 200, "\(ready.body)")
            #expect(Self.verdict(ready.body) == Self.verdict(health.body))
            #expect(ready.body["status"] as? String == "healthy")
            try await Self.expectAlive(oracle)
        }
    }

    @Test("database unreachable: /health and /health/ready 503 with the same report, /health/live still 200 alive")
    func databaseUnreachable() async throws {
        try await RunningOracle.with(try RunningOracle.configuration(databaseURL: Self.unreachableDatabase)) { oracle in
            let health = try await oracle.health()
            #expect(health.status == 503, "\(health.body)")
            let ready = try await oracle.health("/health/ready")
            #expect(ready.status == 503, "\(ready.body)")
            #expect(Self.verdict(ready.body) == Self.verdict(health.body))
            #expect((ready.body["checks"] as? [String: String])?["database"] == "unreachable")
            try await Self.expectAlive(oracle)
            // Still alive after the monitor's probes have failed a few times.
            try await Task.sleep(for: .seconds(2))
            try await Self.expectAlive(oracle)
        }
    }
}
