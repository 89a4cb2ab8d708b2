import CheckpointRules
import StackHarness
import Testing

/// The compose file's rules on `docker compose config --format json` as captured from the stack's own file.
@Suite("Compose rules (CP2, SEC) on the captured compose config")
struct ComposeRules {
    private let captured: CapturedDocument

    init() throws {
        captured = try CapturedDocument("compose-config.json")
    }

    @Test("CP2.chain holds for postgres → oracle + scanner → api → web-ui, every edge service_healthy")
    func chainHolds() throws {
        let outcome = ComposeChecks.dependencyChain(try ComposeConfig(json: captured.json))
        #expect(outcome.passed, "\(outcome.reason)")
        #expect(outcome.id == "CP2.chain")
        #expect(outcome.measured.contains("postgres → oracle, scanner → api → web-ui"), "\(outcome.measured)")
    }

    @Test("CP2.chain fails naming the edge when web-ui no longer waits for a healthy api")
    func chainBrokenEdge() throws {
        let broken = captured.with(["services", "web-ui", "depends_on", "api", "condition"], .string("service_started"))
        let outcome = ComposeChecks.dependencyChain(try ComposeConfig(json: broken))
        #expect(!outcome.passed)
        #expect(outcome.reason.contains("web-ui depends on api with service_started"), "\(outcome.reason)")
    }

    @Test("CP2.chain fails naming the cycle when postgres waits for web-ui")
    func chainCycle() throws {
        let cycle: JSONValue = .object(["web-ui": .object(["condition": .string("service_healthy")])])
        let outcome = ComposeChecks.dependencyChain(try ComposeConfig(json: captured.with(["services", "postgres", "depends_on"], cycle)))
        #expect(!outcome.passed)
        #expect(outcome.reason.contains("dependency cycle"), "\(outcome.reason)")
    }

    @Test("CP2.limits (declared) holds for 1 CPU and 1 GB, and fails without the Oracle's deploy section")
    func oracleLimits() throws {
        let held = ComposeChecks.declaredOracleLimits(try ComposeConfig(json: captured.json))
        #expect(held.passed, "\(held.reason)")
        let broken = ComposeChecks.declaredOracleLimits(try ComposeConfig(json: captured.with(["services", "oracle", "deploy"], nil)))
        #expect(!broken.passed)
        #expect(broken.reason.contains("declared CPU limit is unset"), "\(broken.reason)")
    }

    @Test("SEC.limits holds when every service has limits, and names the one that lost them")
    func everyServiceLimited() throws {
        let held = ComposeChecks.everyServiceLimited(try ComposeConfig(json: captured.json))
        #expect(held.passed, "\(held.reason)")
        let broken = ComposeChecks.everyServiceLimited(try ComposeConfig(json: captured.with(["services", "scanner", "deploy"], nil)))
        #expect(!broken.passed)
        #expect(broken.reason.hasPrefix("scanner has"), "\(broken.reason)")
    }

    @Test("SEC.network (declared) holds on nps-network with 127.0.0.1 ports, and fails for a port on every address")
    func declaredNetwork() throws {
        let config = try ComposeConfig(json: captured.json)
        let held = SecurityChecks.declaredNetwork(config)
        #expect(held.passed, "\(held.reason)")
        let ports = try #require(captured.json["services"]?["api"]?["ports"]?.array)
        let open = ports.map { port in
            guard case .object(var fields) = port else { return port }
            fields["host_ip"] = nil
            return .object(fields)
        }
        let broken = SecurityChecks.declaredNetwork(try ComposeConfig(json: captured.with(["services", "api", "ports"], .array(open))))
        #expect(!broken.passed)
        #expect(broken.reason.contains("on every address, not 127.0.0.1"), "\(broken.reason)")
    }

    @Test("CP4.services (declared) finds each service's probe, and fails when the Oracle's probe is switched off")
    func declaredProbes() throws {
        let held = HealthChecks.declaredProbes(try ComposeConfig(json: captured.json))
        #expect(held.passed, "\(held.reason)")
        let off: JSONValue = .object(["test": .array([.string("NONE")]), "disable": .bool(true)])
        let broken = HealthChecks.declaredProbes(try ComposeConfig(json: captured.with(["services", "oracle", "healthcheck"], off)))
        #expect(!broken.passed)
        #expect(broken.reason.contains("oracle has no health check"), "\(broken.reason)")
    }
}
