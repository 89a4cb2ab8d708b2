import CheckpointRules
import Foundation
import StackHarness
import Testing

extension Checkpoints.Security {
    /// The five running containers by service, as the engine applied the compose file.
    private static func runningContainers() async throws -> [String: ContainerInspection] {
        let stack = Stack.shared
        try await stack.ensureRunning()
        return try await inspectAll(try await stack.compose.config().value)
    }

    /// Proves `requirement` with `check` on the running containers' `HostConfig` `field`.
    private static func proveOnRunning(
        _ requirement: Requirement,
        field: String,
        _ check: ([String: ContainerInspection]) -> CheckOutcome
    ) async throws {
        let containers = try await runningContainers()
        try await prove(Measurement(check(containers), subject: "HostConfig \(field) of the five containers", limit: requirement.limit))
    }

    @Test(
        "SEC.caps: every container drops all Linux capabilities and adds back only what it needs, each with its reason in the compose file",
        arguments: [Requirements.secCaps]
    )
    func secCaps(_ requirement: Requirement) async throws {
        let containers = try await Self.runningContainers()
        let composeText = try String(contentsOf: Stack.shared.layout.composeFile, encoding: .utf8)
        try await prove(
            Measurement(
                HardeningChecks.capabilities(containers, composeText: composeText),
                subject: "HostConfig CapDrop/CapAdd of the five containers, against cap_add in docker-compose.yml",
                limit: requirement.limit
            )
        )
    }

    @Test("SEC.nnp: no-new-privileges on every container", arguments: [Requirements.secNoNewPrivileges])
    func secNoNewPrivileges(_ requirement: Requirement) async throws {
        try await Self.proveOnRunning(requirement, field: "SecurityOpt", HardeningChecks.noNewPrivileges)
    }

    @Test(
        "SEC.readonly: every container's root file system is read-only; what is written goes to a volume, a bind mount or a tmpfs",
        arguments: [Requirements.secReadOnly]
    )
    func secReadOnly(_ requirement: Requirement) async throws {
        try await Self.proveOnRunning(requirement, field: "ReadonlyRootfs", HardeningChecks.readOnlyRoot)
    }

    @Test("SEC.pids: every container has a PIDs limit", arguments: [Requirements.secPids])
    func secPids(_ requirement: Requirement) async throws {
        try await Self.proveOnRunning(requirement, field: "PidsLimit", HardeningChecks.pidsLimit)
    }

    @Test("SEC.enginelogs: every container's engine log is bounded", arguments: [Requirements.secEngineLogs])
    func secEngineLogs(_ requirement: Requirement) async throws {
        try await Self.proveOnRunning(requirement, field: "LogConfig", HardeningChecks.boundedEngineLogs)
    }
}
