import CheckpointRules
import Foundation
import StackHarness

/// A second Oracle container next to the stack (`nps-checkpoint-…` on nps-network, the stack's image, database and
/// vault key), for faults the stack's own Oracle must not suffer: a key and another AI host, a full log disk.
struct SecondOracle: Sendable {
    /// The container's name.
    let name: String
    /// `127.0.0.1:<port>` of its published gRPC port.
    let grpcTarget: String
    /// Its published `/health`.
    let healthURL: URL

    /// Starts `name` with `environment` (names with values; secrets go through the CLI's environment, never its
    /// command line) and `arguments` for `docker run`, waits until the engine calls it healthy, runs `body`, and
    /// removes the container whatever happened.
    static func with<T: Sendable>(
        _ name: String,
        environment: [String: String],
        arguments: [String] = [],
        _ body: (SecondOracle) async throws -> T
    ) async throws -> T {
        let docker = Stack.shared.docker
        let remove = { _ = try? await docker.capture(["rm", "--force", name], timeout: .seconds(60)) }
        await remove()
        // The stack's own database and vault key, taken from its running Oracle.
        let stackOracle = try await docker.inspectContainer(StackServices.container("oracle")).config.environment
        var values = ["DATABASE_URL": stackOracle["DATABASE_URL"] ?? "", "NPS_MASTER_PASSWORD": stackOracle["NPS_MASTER_PASSWORD"] ?? ""]
        values.merge(environment) { _, given in given }
        // A 1 s probe interval: the image's 10 s would only slow the wait down.
        do {
            return try await run(name, values: values, arguments: arguments, docker: docker, body)
        } catch {
            await remove()
            throw error
        }
    }

    private static func run<T: Sendable>(
        _ name: String,
        values: [String: String],
        arguments: [String],
        docker: DockerCLI,
        _ body: (SecondOracle) async throws -> T
    ) async throws -> T {
        try await docker.run(
            ["run", "--detach", "--name", name, "--network", Requirements.stackNetwork, "--health-interval", "1s"]
                + ["--publish", "127.0.0.1::50052", "--publish", "127.0.0.1::8052"]
                + values.keys.sorted().flatMap { ["-e", $0] } + arguments + ["nps-oracle:latest"],
            environment: values,
            timeout: .seconds(60)
        )
        let healthy = try await HealthWait(container: name, docker: docker).untilHealthy(budget: .seconds(60))
        guard let grpc = healthy.inspection.ports["50052/tcp"]?.first?.hostPort, let health = healthy.inspection.ports["8052/tcp"]?.first?.hostPort,
            let url = URL(string: "http://127.0.0.1:\(health)/health")
        else {
            throw HarnessError.undecodable(what: "the published ports of \(name)", reason: "\(healthy.inspection.ports)")
        }
        let result = try await body(SecondOracle(name: name, grpcTarget: "127.0.0.1:\(grpc)", healthURL: url))
        _ = try? await docker.capture(["rm", "--force", name], timeout: .seconds(60))
        return result
    }
}
