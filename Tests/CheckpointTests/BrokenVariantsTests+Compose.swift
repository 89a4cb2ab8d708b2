import CheckpointRules
import Foundation
import ProcessRunning
import StackHarness
import Testing

extension Checkpoints.BrokenVariants {
    @Test("CP2.limits and SEC.limits catch a compose file without limits (fixtures/broken/compose-without-limits)")
    func composeWithoutLimits() async throws {
        let config = try await Self.variantConfig("compose-without-limits")
        let declared = ComposeChecks.declaredOracleLimits(config.value)
        #expect(!declared.passed && declared.id == "CP2.limits", "the oracle limit check let the variant through: \(declared)")
        let everyService = ComposeChecks.everyServiceLimited(config.value)
        #expect(!everyService.passed && everyService.id == "SEC.limits", "the every-service limit check let the variant through: \(everyService)")
    }

    @Test("CP2.chain catches a wrong dependency order (fixtures/broken/wrong-dependency-order)")
    func wrongDependencyOrder() async throws {
        let config = try await Self.variantConfig("wrong-dependency-order")
        let outcome = ComposeChecks.dependencyChain(config.value)
        #expect(!outcome.passed && outcome.id == "CP2.chain", "the chain check let the variant through: \(outcome)")
        // It must fail for the broken edges, not by accident.
        for edge in ["web-ui depends on api", "api depends on oracle", "scanner depends on postgres with service_started"] {
            #expect(outcome.reason.contains(edge), "the chain check did not name '\(edge)': \(outcome.reason)")
        }
    }

    /// `docker compose config --format json` of a broken compose file (needs only the CLI, no engine call).
    private static func variantConfig(_ variant: String) async throws -> CommandOutput<ComposeConfig> {
        let stack = Stack.shared
        let folder = stack.layout.fixtures.appendingPathComponent("broken/\(variant)", isDirectory: true)
        let project = ComposeProject(
            composeFile: folder.appendingPathComponent("docker-compose.yml"),
            name: "nps-checkpoint-broken",
            workingDirectory: folder,
            docker: stack.docker
        )
        return try await project.config()
    }
}
