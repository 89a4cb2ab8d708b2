import CheckpointRules
import Foundation
import ProcessRunning
import StackHarness
import Testing

extension Checkpoints {
    /// Checkpoint 2: the compose file, read as Compose resolves it, and the limits the engine applies.
    @Suite("Checkpoint 2: docker-compose.yml")
    struct Checkpoint2 {
        @Test("CP2.valid: docker compose config validates the file with .env from .env.example", arguments: [Requirements.cp2Valid])
        func cp2Valid(_ requirement: Requirement) async throws {
            let stack = Stack.shared
            let environment = try ExampleEnvironment(layout: stack.layout)
            defer { environment.remove() }
            let result = try await environment.project(layout: stack.layout, docker: stack.docker).capture(
                ["config", "--quiet"],
                timeout: .seconds(60)
            )
            let outcome = ComposeChecks.validates(result)
            try await prove(
                Measurement(
                    outcome,
                    subject: "docker compose config (.env from .env.example)",
                    limit: requirement.limit,
                    measuredBy: result
                )
            )
        }

        @Test(
            "CP2.oracle: the oracle service has the spec's name, build, environment, dependency, volume, network, restart, limits and HTTP health check on 8052",
            arguments: [Requirements.cp2Oracle]
        )
        func cp2Oracle(_ requirement: Requirement) async throws {
            let config = try await exampleConfig()
            let withoutLogLevel = try await exampleConfig(without: ["LOG_LEVEL"])
            let logLevelDefault = withoutLogLevel.services["oracle"]?.environment["LOG_LEVEL"] ?? nil
            let outcome = ComposeChecks.oracleService(config.value, logLevelDefault: logLevelDefault)
            try await prove(
                Measurement(
                    outcome,
                    subject: "oracle service in docker compose config --format json",
                    limit: requirement.limit,
                    measuredBy: config.result
                )
            )

            // The declared probe, run where the engine runs it, must reach the Oracle's /health.
            try await Stack.shared.ensureRunning(["oracle"])
            let test = try #require(config.services["oracle"]?.healthcheck?.test, "the oracle service declares no health check")
            let probe = try #require(Self.execArguments(test), "health check test \(test) is neither CMD nor CMD-SHELL")
            let result = try await Stack.shared.docker.exec(StackServices.container("oracle"), probe, timeout: .seconds(30))
            let answer = ComposeChecks.healthProbeAnswer(result)
            try await prove(
                Measurement(
                    answer,
                    subject: "declared oracle health check run in nps-oracle",
                    limit: Requirements.cp2OracleProbe.limit,
                    measuredBy: result
                )
            )
        }

        @Test(
            "CP2.chain: postgres → oracle (and scanner) → api → web-ui on service_healthy, api reaches oracle:50052",
            arguments: [Requirements.cp2Chain]
        )
        func cp2Chain(_ requirement: Requirement) async throws {
            let config = try await exampleConfig()
            let outcome = ComposeChecks.dependencyChain(config.value)
            try await prove(
                Measurement(
                    outcome,
                    subject: "depends_on chain in docker compose config --format json",
                    limit: requirement.limit,
                    measuredBy: config.result
                )
            )
        }

        @Test("CP2.limits: the engine applies the declared limits to nps-oracle, and they are the spec's", arguments: [Requirements.cp2Limits])
        func cp2Limits(_ requirement: Requirement) async throws {
            let stack = Stack.shared
            try await stack.ensureRunning(["oracle"])
            // The declaration the running container was made from: the stack's own env file.
            let declared = try await stack.compose.config()
            let inspection = try await stack.docker.inspectContainer(StackServices.container("oracle"))
            let outcome = ComposeChecks.appliedOracleLimits(declared: declared.value, applied: inspection.hostConfig)
            try await prove(
                Measurement(
                    outcome,
                    subject: "nps-oracle HostConfig NanoCpus and Memory",
                    limit: requirement.limit,
                    measuredBy: inspection.result
                )
            )
        }

        /// `docker compose config --format json` with a `.env` made from the example, with `names` left out
        /// of both the file and this process's environment (Compose prefers a shell variable to the file's).
        private func exampleConfig(without names: Set<String> = []) async throws -> CommandOutput<ComposeConfig> {
            let stack = Stack.shared
            let environment = try ExampleEnvironment(layout: stack.layout, without: names)
            defer { environment.remove() }
            let project = environment.project(layout: stack.layout, docker: stack.docker)
            guard !names.isEmpty else { return try await project.config() }
            let compose = project.command(["config", "--format", "json"])
            let command = Command(
                executable: URL(fileURLWithPath: "/usr/bin/env"),
                arguments: names.sorted().flatMap { ["-u", $0] } + [compose.executable.path] + compose.arguments,
                workingDirectory: compose.workingDirectory
            )
            let result = try await stack.docker.runner.run(command, timeout: .seconds(60))
            return CommandOutput(value: try ComposeConfig(data: result.standardOutputData), result: result)
        }

        /// The `docker exec` arguments that run a health check test the way the engine does.
        private static func execArguments(_ test: [String]) -> [String]? {
            switch test.first {
            case "CMD": Array(test.dropFirst())
            case "CMD-SHELL": ["/bin/sh", "-c", test.dropFirst().joined(separator: " ")]
            default: nil
            }
        }
    }
}
