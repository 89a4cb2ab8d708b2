import CheckpointRules
import Foundation
import StackHarness

/// A second Oracle with an API key, talking to the Messages API stand-in (fixtures/messages-api-stand-in)
/// instead of Anthropic, with its own api stand-in in front: `nps-checkpoint-` containers next to the stack, which
/// need only the stack's postgres. The Oracle takes plain http only to a loopback host (SEC.aikey), so it runs in
/// the stand-in's network namespace and calls it on 127.0.0.1.
enum AIStandIn {
    /// The Messages API stand-in's image and container; the keyed Oracle shares its network namespace.
    static let messagesAPI = "nps-checkpoint-messages-api"
    /// Where a redirecting stand-in sends every request: a second stand-in on nps-network, answering and recording.
    static let redirectTarget = "nps-checkpoint-messages-api-target"
    /// The Oracle with a key.
    static let oracle = "nps-checkpoint-oracle-ai"
    /// The api stand-in in front of it.
    static let api = "nps-checkpoint-api-ai"
    /// The key the Oracle is given: a test key, which must still never be logged.
    static let key = "checkpoint-test-key"
    /// What an answering stand-in answers every request with.
    static let reply = "CHECKPOINT AI REPLY"
    /// Where a stand-in records requests, inside its container.
    static let recordFile = "/tmp/requests.jsonl"
    /// The Oracle's `ANTHROPIC_BASE_URL`: the stand-in, on the loopback the two share.
    static let baseURL = "http://127.0.0.1:8080"
    /// What a redirecting stand-in answers every request with.
    static let redirectStatus = 307

    /// Builds the stand-in image, starts the containers, waits until they answer and runs `body` with the host port
    /// of the api in front of the keyed Oracle; removes the containers and image afterwards. `redirecting`: the
    /// Oracle's stand-in answers every request with `redirectStatus` to `redirectTarget`, which answers `reply`.
    static func withStack(redirecting: Bool = false, _ body: (Int) async throws -> Void) async throws {
        let stack = Stack.shared
        let docker = stack.docker
        try await withScratchResources(containers: [api, oracle, messagesAPI, redirectTarget], images: [messagesAPI]) {
            let folder = stack.layout.fixtures.appendingPathComponent("messages-api-stand-in", isDirectory: true)
            try await docker.build(
                ImageBuild(dockerfile: folder.appendingPathComponent("Dockerfile"), context: folder, tags: [messagesAPI]),
                timeout: .seconds(600)
            )
            let listen = ["--host", "0.0.0.0", "--port", "8080", "--record", recordFile]
            var behaviour = ["--reply", reply]
            if redirecting {
                try await start(redirectTarget, arguments: listen + behaviour, docker: docker)
                behaviour = ["--redirect-to", "http://\(redirectTarget):8080/v1/messages", "--redirect-status", "\(redirectStatus)"]
            }
            // The Oracle's ports are published here: a container in another's network namespace cannot publish.
            try await start(
                messagesAPI,
                publishing: ["--publish", "127.0.0.1::50052", "--publish", "127.0.0.1::8052"],
                arguments: listen + behaviour,
                docker: docker
            )

            try await SecondOracle.with(
                oracle,
                environment: ["ANTHROPIC_API_KEY": key, "ANTHROPIC_BASE_URL": baseURL],
                sharingNetworkOf: messagesAPI
            ) { _ in
                // On nps-network the Oracle answers at the name of the container whose namespace it shares.
                try await docker.run(
                    [
                        "run", "--detach", "--name", api, "--network", "nps-network", "--health-interval", "1s",
                        "--publish", "127.0.0.1::8000",
                        "-e", "ORACLE_SERVICE_URL=\(messagesAPI):50052", "-e", "ORACLE_HEALTH_URL=http://\(messagesAPI):8052/health",
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

    /// Starts a stand-in `container` on nps-network with `arguments` and waits until it listens.
    private static func start(_ container: String, publishing: [String] = [], arguments: [String], docker: DockerCLI) async throws {
        try await docker.run(
            ["run", "--detach", "--name", container, "--network", "nps-network"] + publishing + [messagesAPI] + arguments,
            timeout: .seconds(60)
        )
        try await waitForListening(container, docker)
    }

    /// Waits until `container` printed `LISTENING <port>` (the stand-in prints it once its socket is bound).
    private static func waitForListening(_ container: String, _ docker: DockerCLI) async throws {
        let clock = ContinuousClock()
        let start = clock.now
        while clock.now - start < .seconds(30) {
            let logs = try await docker.capture(["logs", container], timeout: .seconds(30))
            if logs.standardOutput.contains("LISTENING") { return }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw HarnessError.undecodable(what: "the output of \(container)", reason: "no LISTENING line within 30 s")
    }
}
