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
    ///
    /// With `owner` it joins that container's network namespace instead of nps-network (`--network container:`),
    /// so the two share loopback and the Oracle still reaches what `owner` reaches. A container in another's
    /// namespace cannot publish ports, so `owner` must publish `127.0.0.1::50052` and `127.0.0.1::8052`.
    static func with<T: Sendable>(
        _ name: String,
        environment: [String: String],
        arguments: [String] = [],
        sharingNetworkOf owner: String? = nil,
        _ body: (SecondOracle) async throws -> T
    ) async throws -> T {
        let docker = Stack.shared.docker
        return try await withScratchResources(containers: [name]) {
            // The stack's own database and vault key, taken from its running Oracle.
            let stackOracle = try await docker.inspectContainer(StackServices.container("oracle")).config.environment
            var values = ["DATABASE_URL": stackOracle["DATABASE_URL"] ?? "", "NPS_MASTER_PASSWORD": stackOracle["NPS_MASTER_PASSWORD"] ?? ""]
            values.merge(environment) { _, given in given }
            return try await run(name, values: values, arguments: arguments, owner: owner, docker: docker, body)
        }
    }

    private static func run<T: Sendable>(
        _ name: String,
        values: [String: String],
        arguments: [String],
        owner: String?,
        docker: DockerCLI,
        _ body: (SecondOracle) async throws -> T
    ) async throws -> T {
        let network =
            owner.map { ["--network", "container:\($0)"] }
            ?? ["--network", Requirements.stackNetwork, "--publish", "127.0.0.1::50052", "--publish", "127.0.0.1::8052"]
        // A 1 s probe interval: the image's 10 s would only slow the wait down.
        try await docker.run(
            ["run", "--detach", "--name", name, "--health-interval", "1s"] + network
                + values.keys.sorted().flatMap { ["-e", $0] } + arguments + ["nps-oracle:latest"],
            environment: values,
            timeout: .seconds(60)
        )
        let healthy = try await HealthWait(container: name, docker: docker).untilHealthy(budget: .seconds(60))
        var ports = healthy.inspection.ports
        if let owner { ports = try await docker.inspectContainer(owner).value.ports }
        guard let grpc = ports["50052/tcp"]?.first?.hostPort, let health = ports["8052/tcp"]?.first?.hostPort,
            let url = URL(string: "http://127.0.0.1:\(health)/health")
        else {
            throw HarnessError.undecodable(what: "the published ports of \(owner ?? name)", reason: "\(ports)")
        }
        return try await body(SecondOracle(name: name, grpcTarget: "127.0.0.1:\(grpc)", healthURL: url))
    }
}
