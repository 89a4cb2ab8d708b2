import CheckpointRules
import Foundation
import ProcessRunning
import StackHarness
import Testing

extension Checkpoints {
    /// Resilience: faults heal by themselves. Each test disturbs the stack and waits it back to healthy before it ends.
    @Suite("Resilience")
    struct Resilience {
        @Test(
            "REL.kill: the Oracle killed with SIGKILL (its host PID) is restarted by the engine, and the api reaches it again at whatever address it now has",
            arguments: [Requirements.relKill]
        )
        func relKill(_ requirement: Requirement) async throws {
            let stack = Stack.shared
            try await stack.ensureRunning()
            let oracle = StackServices.container("oracle")
            let before = try await stack.docker.inspectContainer(oracle)
            let pid = before.value.state.pid
            try #require(pid > 0, "\(oracle) has no running process to kill")
            let healthURL = try stack.oracleHealthURL()
            let readingURL = try stack.apiURL(Checkpoint5.readingPath)

            // Not `docker kill`: the engine counts that as a manual stop, and `unless-stopped` would not restart it.
            let killedAt = Date()
            try #require(kill(pid_t(pid), SIGKILL) == 0, "kill -9 \(pid) failed: errno \(errno)")
            // Both polls start at once, so each time is from the kill; the old process can no longer answer.
            async let health = HTTPFetch.poll(healthURL, until: { $0.status == 200 }, for: .seconds(30))
            async let api = HTTPFetch.poll(readingURL, until: { $0.status == 200 }, for: .seconds(45))
            let (healthReply, healthWaited) = await health
            let (apiReply, apiWaited) = await api
            let healthy = try? await HealthWait(container: oracle, docker: stack.docker).untilHealthy(budget: .seconds(60))
            let after = try await stack.docker.inspectContainer(oracle)

            let network = Requirements.stackNetwork
            let recovery = KillRecovery(
                pids: (pid, after.value.state.pid),
                restartCounts: (before.value.restartCount, after.value.restartCount),
                addresses: (before.value.addresses[network] ?? "", after.value.addresses[network] ?? ""),
                healthAnswer: healthReply?.status == 200 ? healthWaited : nil,
                engineHealthy: healthy.map { .seconds($0.healthyAt.timeIntervalSince(killedAt)) },
                apiAnswer: apiReply?.status == 200 ? apiWaited : nil
            )
            try await prove(
                Measurement(
                    ResilienceChecks.killRecovery(recovery),
                    subject: "kill -9 of nps-oracle's host PID: restart, /health, engine health and a reading through the api",
                    limit: requirement.limit,
                    measuredBy: after.result
                )
            )
            // The api and the scanner went unhealthy with the Oracle or not; either way the next test finds them healthy.
            try await stack.ensureRunning()
        }
    }
}
