import CheckpointRules
import Foundation
import ProcessRunning
import StackHarness
import Testing

/// The Swarm suite's one deployment: deployed once (the compose stack taken down first, as both publish the same
/// ports) and shared by its tests; at the end removed, with the swarm deploy.sh made, and the compose stack brought
/// back healthy for the suites after it.
actor SwarmSession {
    /// The one session of this test process.
    static let shared = SwarmSession()

    /// The Swarm stack.
    nonisolated let swarm = SwarmStack(stack: Stack.shared)
    private var isDeployed = false

    /// Takes the compose stack down, runs deploy.sh and returns its result and how long the stack took to converge
    /// from `docker stack deploy` (deploy.sh's "converged in N s"; its own wait ends there).
    func deploy() async throws -> (CommandResult, Duration) {
        let stack = Stack.shared
        try await stack.ensureImages()
        try await stack.ensureCertificate()
        try await stack.takeDownForFreshStart()
        let result = try await swarm.deploy()
        isDeployed = true
        try #require(result.succeeded, "deploy.sh failed:\n\(result.transcript)")
        let seconds = try #require(
            result.standardError.firstMatch(of: /converged in (\d+) s/).flatMap { Int($0.1) },
            "deploy.sh did not say when the stack converged:\n\(result.transcript)"
        )
        return (result, .seconds(seconds))
    }

    /// The deployed stack, deploying it first when a test runs alone.
    func deployed() async throws -> SwarmStack {
        if !isDeployed { _ = try await deploy() }
        return swarm
    }

    /// Waits until every service converged again (after a test's disturbance), at most 2 minutes.
    func waitConverged() async throws {
        let end = ContinuousClock.now + Requirements.swarmConvergeLimit
        while ContinuousClock.now < end {
            let services = try await swarm.services()
            if services.count == StackServices.all.count, services.allSatisfy({ $0.running == $0.desired && $0.desired > 0 }) { return }
            try await Task.sleep(for: .seconds(2))
        }
        Issue.record("the Swarm stack did not converge again within \(Requirements.swarmConvergeLimit.limitText): \(try await swarm.services())")
    }

    /// The env file's secret values as deployed, placeholders included: any of them in an inspection is a leak.
    func secretValues() throws -> [String: String] {
        let stack = Stack.shared
        let environment = try stack.environment()
        var values: [String: String] = [:]
        for name in SecretRedaction.secretVariables {
            if let value = environment[name]?.value, value.count >= SecretRedaction.shortestSecret { values[name] = value }
        }
        return values
    }

    /// deploy.sh --remove, then the compose stack up: each service's health afterwards, and the web-ui's
    /// `/api/health` (nginx resolving the api by its name).
    func removeAndRestoreCompose() async throws -> (health: [String: String], webUI: HTTPReply?) {
        try await removeSwarm()
        let stack = Stack.shared
        try await stack.ensureRunning()
        var health: [String: String] = [:]
        for service in StackServices.all {
            health[service] = try? await stack.docker.inspectContainer(StackServices.container(service)).value.state.health?.status
        }
        let webUI = try? await WebUIFetch.get(try stack.webUIURL("/api/health"), timeout: .seconds(10)).reply
        return (health, webUI)
    }

    /// The end of the suite: the Swarm stack removed (and its volumes, when the run owns the data), the compose stack
    /// up again. Safe to call when nothing was deployed.
    func finish() async throws {
        try await removeSwarm()
        try await Stack.shared.ensureRunning()
    }

    private func removeSwarm() async throws {
        guard isDeployed else { return }
        let removed = try await swarm.remove()
        try #require(removed.succeeded, "deploy.sh --remove failed:\n\(removed.transcript)")
        isDeployed = false
        let stack = Stack.shared
        if stack.ownsData {
            // The run's volumes were made with .env.example's passwords: a user's later deploy must not meet them.
            let volumes = try await stack.docker.run(
                ["volume", "ls", "-q", "--filter", "label=com.docker.stack.namespace=\(SwarmStack.name)"],
                timeout: .seconds(30)
            ).standardOutput.split(separator: "\n").map(String.init)
            if !volumes.isEmpty { _ = try await stack.docker.capture(["volume", "rm"] + volumes, timeout: .seconds(60)) }
        }
    }

    /// Both files as `docker compose config` resolves them (the stack file with placeholder names for the objects
    /// deploy.sh makes), with the command that read the stack file.
    static func configs() async throws -> (compose: CommandOutput<ComposeConfig>, stack: CommandOutput<ComposeConfig>) {
        let stack = Stack.shared
        let compose = try await stack.compose.config()
        let stackFile = stack.layout.stackFile
        let names = try String(contentsOf: stackFile, encoding: .utf8).matches(of: /\$\{(NPS_(?:SECRET|CONFIG)_[A-Z_]+):\?/).map { String($0.1) }
        let environment = Dictionary(names.map { ($0, "parity-check") }, uniquingKeysWith: { first, _ in first })
        let project = ComposeProject(
            composeFile: stackFile,
            environmentFile: stack.compose.environmentFile,
            name: SwarmStack.name,
            workingDirectory: stack.layout.root,
            docker: stack.docker
        )
        return (compose, try await project.config(environment: environment))
    }
}

/// Deploys nothing itself: at the end of the Swarm suite, whatever happened, removes what it deployed and brings the
/// compose stack back.
struct SwarmSessionTrait: SuiteTrait, TestScoping {
    var isRecursive: Bool { false }

    func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void) async throws {
        var failure: (any Error)?
        do {
            try await function()
        } catch {
            failure = error
        }
        try await SwarmSession.shared.finish()
        if let failure { throw failure }
    }
}

extension Trait where Self == SwarmSessionTrait {
    /// Removes the Swarm stack and restores the compose stack after the Swarm suite.
    static var swarmSession: Self { Self() }
}
