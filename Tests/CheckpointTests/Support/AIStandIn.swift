import CheckpointRules
import Foundation
import StackHarness

/// A second Oracle with an API key, talking to the Messages API stand-in (fixtures/messages-api-stand-in)
/// instead of Anthropic, with its own api stand-in in front: three `nps-checkpoint-` containers on
/// nps-network next to the stack, which needs only the stack's postgres.
enum AIStandIn {
    /// The Messages API stand-in's image and container.
    static let messagesAPI = "nps-checkpoint-messages-api"
    /// The Oracle with a key.
    static let oracle = "nps-checkpoint-oracle-ai"
    /// The api stand-in in front of it.
    static let api = "nps-checkpoint-api-ai"
    /// The key the Oracle is given: a test key, which must still never be logged.
    static let key = "checkpoint-test-key"
    /// What the stand-in answers every request with.
    static let reply = "CHECKPOINT AI REPLY"
    /// Where the stand-in records requests, inside its container.
    static let recordFile = "/tmp/requests.jsonl"

    /// Builds the stand-in image, starts the three containers, waits until they answer and runs `body` with
    /// the host port of the api in front of the keyed Oracle; removes the containers and image afterwards.
    static func withStack(_ body: (Int) async throws -> Void) async throws {
        let stack = Stack.shared
        let docker = stack.docker
        try await removingAfterwards(containers: [api, oracle, messagesAPI], images: [messagesAPI]) {
            let folder = stack.layout.fixtures.appendingPathComponent("messages-api-stand-in", isDirectory: true)
            try await docker.build(
                ImageBuild(dockerfile: folder.appendingPathComponent("Dockerfile"), context: folder, tags: [messagesAPI]),
                timeout: .seconds(600)
            )
            try await docker.run(
                [
                    "run", "--detach", "--name", messagesAPI, "--network", "nps-network", messagesAPI,
                    "--host", "0.0.0.0", "--port", "8080", "--record", recordFile, "--reply", reply,
                ],
                timeout: .seconds(60)
            )
            try await waitForListening(docker)

            try await SecondOracle.with(
                oracle,
                environment: ["ANTHROPIC_API_KEY": key, "ANTHROPIC_BASE_URL": "http://\(messagesAPI):8080"]
            ) { _ in
                try await docker.run(
                    [
                        "run", "--detach", "--name", api, "--network", "nps-network", "--health-interval", "1s",
                        "--publish", "127.0.0.1::8000",
                        "-e", "ORACLE_SERVICE_URL=\(oracle):50052", "-e", "ORACLE_HEALTH_URL=http://\(oracle):8052/health",
                        "nps-api-stand-in:latest",
                    ],
                    timeout: .seconds(60)
                )
                let healthyAPI = try await HealthWait(container: api, docker: docker).untilHealthy(budget: .seconds(60))
                guard let port = healthyAPI.inspection.ports["8000/tcp"]?.first.flatMap({ Int($0.hostPort) }) else {
                    throw HarnessError.undecodable(what: "the published port of \(api)", reason: "\(healthyAPI.inspection.ports)")
                }
                try await body(port)
            }
        }
    }

    /// Waits until the stand-in printed `LISTENING <port>` (it prints it once its socket is bound).
    private static func waitForListening(_ docker: DockerCLI) async throws {
        let clock = ContinuousClock()
        let start = clock.now
        while clock.now - start < .seconds(30) {
            let logs = try await docker.capture(["logs", messagesAPI], timeout: .seconds(30))
            if logs.standardOutput.contains("LISTENING") { return }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw HarnessError.undecodable(what: "the output of \(messagesAPI)", reason: "no LISTENING line within 30 s")
    }
}
