import CheckpointRules
import Foundation
import ProcessRunning
import StackHarness
import Testing

extension Checkpoints {
    /// Checkpoint 4: the image's HEALTHCHECK, the Oracle's /health, every service's probe, health-check.sh
    /// and the engine's status. CP4.endpoint and CP4.script disturb the stack and restore it before they end.
    @Suite("Checkpoint 4: health checks")
    struct Checkpoint4 {
        @Test(
            "CP4.instruction: the Oracle image has a HEALTHCHECK with the spec's interval, timeout, retries and start period",
            arguments: [Requirements.cp4Instruction]
        )
        func cp4Instruction(_ requirement: Requirement) async throws {
            let stack = Stack.shared
            try await stack.ensureImages()
            let image = try await stack.docker.inspectImage("nps-oracle:latest")
            let outcome = ImageChecks.healthcheckInstruction(image.value)
            try await prove(
                Measurement(
                    outcome,
                    subject: "nps-oracle:latest Config.Healthcheck",
                    limit: requirement.limit,
                    measuredBy: image.result
                )
            )
        }

        @Test(
            "CP4.endpoint: GET /health on 8052 answers healthy JSON with database, gRPC and AI state in < 2 s, through the api too, and 503 without the database",
            arguments: [Requirements.cp4Endpoint]
        )
        func cp4Endpoint(_ requirement: Requirement) async throws {
            let stack = Stack.shared
            try await stack.ensureRunning()
            let healthURL = try stack.oracleHealthURL()

            let direct = try await HTTPFetch.get(healthURL)
            let answer = HealthChecks.healthyAnswer(direct)
            try await prove(
                Measurement(
                    id: answer.id,
                    subject: "GET /health from the harness",
                    value: .number(direct.elapsed.inSeconds * 1000),
                    unit: "ms",
                    limit: requirement.limit,
                    verdict: Verdict(passed: answer.passed),
                    command: direct.request
                )
            )
            #expect(answer.passed, "\(answer.reason)")

            let through = try await HTTPFetch.get(try stack.apiURL("/api/oracle/health"))
            let passed = HealthChecks.passedThrough(through, direct: direct)
            try await prove(
                Measurement(
                    id: passed.id,
                    subject: "GET /health from the api container (api → oracle:8052)",
                    value: .text(passed.measured),
                    limit: Requirements.cp4EndpointThroughAPI.limit,
                    verdict: Verdict(passed: passed.passed),
                    command: through.request
                )
            )

            let (unreachable, recovered) = try await Self.answersWithoutDatabase(healthURL)
            try await prove(
                Measurement(
                    id: unreachable.id,
                    subject: "GET /health with postgres stopped",
                    value: .text(unreachable.measured),
                    limit: Requirements.cp4EndpointUnreachable.limit,
                    verdict: Verdict(passed: unreachable.passed),
                    command: "docker compose stop postgres; GET \(healthURL)"
                )
            )
            try await prove(
                Measurement(
                    id: recovered.id,
                    subject: "GET /health once postgres is started again",
                    value: .text(recovered.measured),
                    limit: Requirements.cp4EndpointRecovered.limit,
                    verdict: Verdict(passed: recovered.passed),
                    command: "docker compose start postgres; GET \(healthURL)"
                )
            )
        }

        @Test(
            "CP4.services: every service declares the spec's probe, and the engine reports each container healthy",
            arguments: [Requirements.cp4Services]
        )
        func cp4Services(_ requirement: Requirement) async throws {
            let stack = Stack.shared
            try await stack.ensureRunning()
            let config = try await stack.compose.config()
            let declared = HealthChecks.declaredProbes(config.value)
            try await prove(
                Measurement(
                    declared,
                    subject: "health checks in docker compose config --format json",
                    limit: requirement.limit,
                    measuredBy: config.result
                )
            )

            var inspections: [String: ContainerInspection] = [:]
            var lastRun: CommandResult?
            for service in StackServices.all {
                let inspection = try await stack.docker.inspectContainer(StackServices.container(service))
                inspections[service] = inspection.value
                lastRun = inspection.result
            }
            let engine = HealthChecks.engineHealth(inspections)
            try await prove(
                Measurement(
                    engine,
                    subject: "engine health status of the five containers",
                    limit: Requirements.cp4ServicesEngine.limit,
                    measuredBy: lastRun
                )
            )
        }

        @Test(
            "CP4.script: health-check.sh exits 0 in colour when all services are healthy and 1 naming a stopped one",
            arguments: [Requirements.cp4Script]
        )
        func cp4Script(_ requirement: Requirement) async throws {
            let stack = Stack.shared
            try await stack.ensureRunning()
            let healthy = try await Self.runHealthCheckScript()
            let allGood = HealthChecks.script(healthy, stopped: nil)
            try await prove(
                Measurement(
                    allGood,
                    subject: "health-check.sh on the healthy stack",
                    limit: requirement.limit,
                    measuredBy: healthy
                )
            )

            let scanner = StackServices.container("scanner")
            let outcome: CheckOutcome
            let broken: CommandResult
            do {
                try await stack.docker.run(["stop", scanner], timeout: .seconds(60))
                broken = try await Self.runHealthCheckScript()
                outcome = HealthChecks.script(broken, stopped: "scanner")
            } catch {
                try await stack.ensureRunning()
                throw error
            }
            try await stack.ensureRunning()
            try await prove(
                Measurement(
                    outcome,
                    subject: "health-check.sh with nps-scanner stopped",
                    limit: Requirements.cp4ScriptStopped.limit,
                    measuredBy: broken
                )
            )
        }

        @Test("CP4.status: docker inspect nps-oracle --format '{{.State.Health.Status}}' is healthy", arguments: [Requirements.cp4Status])
        func cp4Status(_ requirement: Requirement) async throws {
            let stack = Stack.shared
            try await stack.ensureRunning()
            let result = try await stack.docker.run(
                ["inspect", StackServices.container("oracle"), "--format", "{{.State.Health.Status}}"],
                timeout: .seconds(30)
            )
            let outcome = HealthChecks.oracleStatus(result.standardOutput)
            try await prove(
                Measurement(
                    outcome,
                    subject: "nps-oracle State.Health.Status",
                    limit: requirement.limit,
                    measuredBy: result
                )
            )
        }

        /// Runs infrastructure/scripts/health-check.sh with the harness's docker CLI; FORCE_COLOR asks for colour without a terminal.
        private static func runHealthCheckScript() async throws -> CommandResult {
            let stack = Stack.shared
            let command = Command(
                executable: stack.layout.healthCheckScript,
                environment: ["DOCKER": stack.docker.executable.path, "FORCE_COLOR": "1", "NO_COLOR": ""],
                workingDirectory: stack.layout.root
            )
            return try await CommandRunner().capture(command, timeout: .seconds(60))
        }

        /// Stops postgres and polls /health until it answers 503 (or twice the limit passes); then starts postgres,
        /// polls until /health is healthy again and waits until the whole stack is healthy, whatever happened in between.
        private static func answersWithoutDatabase(_ url: URL) async throws -> (unreachable: CheckOutcome, recovered: CheckOutcome) {
            let stack = Stack.shared
            var unreachable: CheckOutcome
            do {
                try await stack.compose.stop("postgres")
                // A late 503 is reported with its time rather than as none.
                let (reply, waited) = await HTTPFetch.poll(url, until: { $0.status == 503 }, for: Requirements.unreachableDatabaseLimit * 2)
                unreachable = HealthChecks.unreachableDatabaseAnswer(reply, after: waited)
            } catch {
                try await stack.compose.start("postgres")
                try await stack.ensureRunning()
                throw error
            }
            try await stack.compose.start("postgres")
            let (reply, waited) = await HTTPFetch.poll(url, until: { $0.status == 200 }, for: .seconds(60))
            try await stack.ensureRunning()
            let back = reply.map(HealthChecks.healthyAnswer)
            let recovered = CheckOutcome(
                id: Requirements.cp4EndpointRecovered.id,
                passed: back?.passed ?? false,
                measured: "\(reply.map { String($0.status) } ?? "no answer") \(waited.secondsText) after postgres started",
                reason: back?.reason ?? "no answer from /health after postgres started"
            )
            return (unreachable, recovered)
        }
    }
}
