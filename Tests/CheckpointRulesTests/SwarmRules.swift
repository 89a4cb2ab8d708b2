import CheckpointRules
import Foundation
import StackHarness
import Testing

/// The SWARM.* rules on captured files and made-up measurements, each with the broken variant it must fail.
@Suite("Swarm rules (SWARM.*) on the captured stack files and made-up runs")
struct SwarmRules {
    private let compose: ComposeConfig
    private let stackFile: CapturedDocument

    init() throws {
        compose = try ComposeConfig(json: CapturedDocument("compose-config.json").json)
        stackFile = try CapturedDocument("stack-config.json")
    }

    private func parity(_ stack: JSONValue) throws -> CheckOutcome {
        SwarmChecks.parity(compose: compose, stack: try ComposeConfig(json: stack))
    }

    @Test("SWARM.parity holds for the captured files, naming its exceptions")
    func parityHolds() throws {
        let outcome = try parity(stackFile.json)
        #expect(outcome.passed, "\(outcome.reason)")
        #expect(outcome.measured.contains("security_opt"), "\(outcome.measured)")
    }

    @Test("SWARM.parity fails naming a limit, a hardening key, an image or a port that drifted")
    func parityDrift() throws {
        let memory = try parity(stackFile.with(["services", "oracle", "deploy", "resources", "limits", "memory"], .string("2147483648")))
        #expect(!memory.passed)
        #expect(memory.reason.contains("oracle limits"), "\(memory.reason)")
        let capabilities = try parity(stackFile.with(["services", "api", "cap_drop"], nil))
        #expect(capabilities.reason.contains("api cap_drop: compose [\"ALL\"], stack unset"), "\(capabilities.reason)")
        let image = try parity(stackFile.with(["services", "scanner", "image"], .string("nps-scanner-stand-in:old")))
        #expect(image.reason.contains("scanner image"), "\(image.reason)")
        let ports = try parity(stackFile.with(["services", "web-ui", "ports"], .array([])))
        #expect(ports.reason.contains("web-ui ports"), "\(ports.reason)")
    }

    @Test("SWARM.parity fails for a secret passed as a value, and for a readiness probe where Swarm needs liveness")
    func paritySecretAndProbe() throws {
        var environment = stackFile.json["services"]?["oracle"]?["environment"]?.object ?? [:]
        environment["DATABASE_URL_FILE"] = nil
        environment["DATABASE_URL"] = .string("postgres://nps_oracle:secret@postgres:5432/nps")
        let secret = try parity(stackFile.with(["services", "oracle", "environment"], .object(environment)))
        #expect(!secret.passed)
        #expect(secret.reason.contains("oracle DATABASE_URL: the stack file passes the secret's value"), "\(secret.reason)")
        let readiness = try parity(
            stackFile.with(["services", "oracle", "healthcheck", "test"], .array(["CMD", "/app/nps-oracle", "healthcheck"].map(JSONValue.string)))
        )
        #expect(!readiness.passed)
        #expect(readiness.reason.contains("oracle healthcheck test"), "\(readiness.reason)")
    }

    @Test("SWARM.secrets fails for a value found in the inspection and for a service that reads a secret from its environment")
    func secrets() throws {
        let stack = try ComposeConfig(json: stackFile.json)
        let values = ["POSTGRES_PASSWORD": "change-me-postgres-password"]
        #expect(
            SwarmChecks.secrets(inspect: #"{"Env":["POSTGRES_PASSWORD_FILE=/run/secrets/postgres_password"]}"#, secretValues: values, stack: stack)
                .passed
        )
        let leaked = SwarmChecks.secrets(inspect: #"{"Env":["POSTGRES_PASSWORD=change-me-postgres-password"]}"#, secretValues: values, stack: stack)
        #expect(leaked.reason == "the value of POSTGRES_PASSWORD is in docker service inspect")
        var environment = stackFile.json["services"]?["postgres"]?["environment"]?.object ?? [:]
        environment["POSTGRES_PASSWORD"] = .string("x")
        let fromEnvironment = SwarmChecks.secrets(
            inspect: "",
            secretValues: [:],
            stack: try ComposeConfig(json: stackFile.with(["services", "postgres", "environment"], .object(environment)))
        )
        #expect(fromEnvironment.reason.contains("postgres sets POSTGRES_PASSWORD itself"), "\(fromEnvironment.reason)")
    }

    private func services(
        oracle: SwarmService = SwarmService(name: "oracle", running: 2, desired: 2, updateState: nil, image: "nps-oracle:latest")
    )
        -> [SwarmService]
    {
        StackServices.all.map { $0 == "oracle" ? oracle : SwarmService(name: $0, running: 1, desired: 1, updateState: nil, image: "\($0):latest") }
    }

    @Test("SWARM.deploy holds when all five converged in time, and fails naming a service short of its replicas or a late convergence")
    func deploy() {
        #expect(SwarmChecks.deploy(succeeded: true, convergedAfter: .seconds(40), services: services()).passed)
        let short = SwarmChecks.deploy(
            succeeded: true,
            convergedAfter: .seconds(40),
            services: services(oracle: SwarmService(name: "oracle", running: 1, desired: 2, updateState: nil, image: "nps-oracle:latest"))
        )
        #expect(short.reason == "oracle: oracle 1/2", "\(short.reason)")
        let late = SwarmChecks.deploy(succeeded: true, convergedAfter: Requirements.swarmConvergeLimit + .seconds(1), services: services())
        #expect(late.reason.contains("converged only after 121.000 s"), "\(late.reason)")
    }

    private func calls(made: Int = 500, seconds: Double = 10, failed: Int = 0, instances: [String: Int] = ["a1": 250, "b2": 250]) -> PacedCalls {
        var calls = PacedCalls()
        for (instance, count) in instances {
            for _ in 0..<count { calls.add(status: 200, instance: instance, failure: "") }
        }
        for _ in 0..<failed { calls.add(failure: "HTTP 503 oracle unavailable") }
        calls.seconds = seconds
        return calls
    }

    @Test("SWARM.scale fails when every call reached one replica")
    func scale() {
        let oracle = services()[1]
        #expect(SwarmChecks.scale(oracle: oracle, calls: calls()).passed)
        let one = SwarmChecks.scale(oracle: oracle, calls: calls(instances: ["a1": 500]))
        #expect(one.reason == "the calls reached 1 Oracle task(s), not 2", "\(one.reason)")
    }

    @Test("SWARM.rolling fails for one failed call, a kept task, or a rate under 90 % of 50/s")
    func rolling() {
        let done = SwarmService(name: "oracle", running: 2, desired: 2, updateState: "completed", image: "nps-oracle:latest")
        #expect(SwarmChecks.rolling(oracle: done, tasksBefore: ["t1", "t2"], tasksAfter: ["t3", "t4"], calls: calls()).passed)
        let lost = SwarmChecks.rolling(oracle: done, tasksBefore: ["t1", "t2"], tasksAfter: ["t1", "t4"], calls: calls(failed: 1))
        #expect(lost.reason.contains("1 of 501 calls failed: HTTP 503 oracle unavailable"), "\(lost.reason)")
        #expect(lost.reason.contains("1 kept: not every task replaced"), "\(lost.reason)")
        let slow = SwarmChecks.rolling(oracle: done, tasksBefore: ["t1", "t2"], tasksAfter: ["t3", "t4"], calls: calls(seconds: 20))
        #expect(slow.reason.contains("25 calls/s, not ≥ 45"), "\(slow.reason)")
    }

    @Test("SWARM.rollback fails when the broken image stayed, or rollback.sh did not bring the previous image back")
    func rollback() {
        let rolledBack = SwarmService(name: "oracle", running: 2, desired: 2, updateState: "rollback_completed", image: "nps-oracle:latest")
        let manual = (succeeded: true, image: "nps-oracle:latest", expected: "nps-oracle:latest")
        #expect(SwarmChecks.rollback(automatic: rolledBack, previousImage: "nps-oracle:latest", calls: calls(), manual: manual).passed)
        let stuck = SwarmService(name: "oracle", running: 1, desired: 2, updateState: "paused", image: "nps-oracle:never-healthy")
        let outcome = SwarmChecks.rollback(
            automatic: stuck,
            previousImage: "nps-oracle:latest",
            calls: calls(),
            manual: (true, "nps-oracle:swarm-update", "nps-oracle:latest")
        )
        #expect(outcome.reason.contains("ended paused, not rollback_completed"), "\(outcome.reason)")
        #expect(outcome.reason.contains("runs nps-oracle:never-healthy after the rollback"), "\(outcome.reason)")
        #expect(outcome.reason.contains("after rollback.sh the Oracle runs nps-oracle:swarm-update"), "\(outcome.reason)")
    }

    @Test("SWARM.probes fails when the outage replaced a task (a readiness probe), or a frozen task lived on")
    func probes() {
        #expect(
            SwarmChecks.probes(outage: .seconds(46), tasksBefore: ["t1", "t2"], tasksAfter: ["t1", "t2"], frozenReplacedAfter: .seconds(40)).passed
        )
        let readiness = SwarmChecks.probes(outage: .seconds(46), tasksBefore: ["t1", "t2"], tasksAfter: ["t3", "t4"], frozenReplacedAfter: nil)
        #expect(readiness.reason.contains("the database outage replaced Oracle tasks"), "\(readiness.reason)")
        #expect(readiness.reason.contains("the frozen task was not replaced"), "\(readiness.reason)")
        let short = SwarmChecks.probes(outage: .seconds(10), tasksBefore: ["t1"], tasksAfter: ["t1"], frozenReplacedAfter: .seconds(1))
        #expect(short.reason.contains("the outage lasted 10.000 s"), "\(short.reason)")
    }

    @Test("SWARM.persistence fails for lost rows, an unhealthy compose service, or a web-ui that cannot reach the api")
    func persistence() {
        let healthy = Dictionary(uniqueKeysWithValues: StackServices.all.map { ($0, "healthy") })
        let answer = HTTPReply(request: "GET /api/health", status: 200, body: Data(), elapsed: .milliseconds(5))
        #expect(SwarmChecks.persistence(rowsBefore: 3, rowsAfter: 3, composeHealth: healthy, webUIToAPI: answer).passed)
        var unhealthy = healthy
        unhealthy["web-ui"] = "unhealthy"
        let broken = SwarmChecks.persistence(
            rowsBefore: 3,
            rowsAfter: 0,
            composeHealth: unhealthy,
            webUIToAPI: HTTPReply(request: "GET /api/health", status: 502, body: Data("api could not be resolved".utf8), elapsed: .zero)
        )
        #expect(broken.reason.contains("0 rows after the redeploy, 3 before"), "\(broken.reason)")
        #expect(broken.reason.contains("compose web-ui is unhealthy afterwards"), "\(broken.reason)")
        #expect(broken.reason.contains("answered 502 api could not be resolved"), "\(broken.reason)")
    }
}
