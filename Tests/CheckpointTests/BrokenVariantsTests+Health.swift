import CheckpointRules
import Foundation
import StackHarness
import Testing

extension Checkpoints.BrokenVariants {
    @Test("CP5.healthy catches a service that never becomes healthy (fixtures/broken/never-healthy)")
    func serviceNeverHealthy() async throws {
        let name = "nps-checkpoint-never-healthy"
        let docker = Stack.shared.docker
        let clock = ContinuousClock()
        let (failure, waited) = try await Self.withHealthVariant("never-healthy", tag: name, container: name) {
            try await docker.run(["run", "--detach", "--name", name, name], timeout: .seconds(60))
            let start = clock.now
            do {
                _ = try await HealthWait(container: name, docker: docker).untilHealthy(budget: .seconds(60))
                return (HealthWaitFailure?.none, clock.now - start)
            } catch let failure as HealthWaitFailure {
                return (failure, clock.now - start)
            }
        }
        // Three failed 1 s probes make it unhealthy; the wait must stop there, not at its 60 s budget.
        guard case .unhealthy? = failure else {
            Issue.record("the health wait did not fail with unhealthy: \(failure.map(String.init(describing:)) ?? "it became healthy")")
            return
        }
        #expect(waited < .seconds(15), "the health wait took \(waited.inSeconds) s to give up; it must fail fast")
        let readiness = ServiceReadiness(service: name, sinceUp: nil, timeToHealthy: nil, failure: failure.map(String.init(describing:)))
        let outcome = StartupChecks.allHealthy([readiness], expected: [name])
        #expect(!outcome.passed && outcome.id == "CP5.healthy", "the healthy check let the variant through: \(outcome)")
        #expect(outcome.reason.contains("unhealthy"), "the healthy check did not report the unhealthy status: \(outcome.reason)")
    }

    @Test("CP5.down catches a service that ignores SIGTERM and is SIGKILLed (fixtures/broken/ignores-sigterm)")
    func serviceIgnoringSIGTERM() async throws {
        let name = "nps-checkpoint-ignores-sigterm"
        let docker = Stack.shared.docker
        let stops = try await Self.withHealthVariant("ignores-sigterm", tag: name, container: name) {
            // No init process: the trapping bash is PID 1 and receives the stop signal itself.
            try await docker.run(["run", "--detach", "--init=false", "--name", name, name], timeout: .seconds(60))
            let since = Date()
            try await docker.run(["stop", "-t", "2", name], timeout: .seconds(60))
            let events = try await docker.events(
                since: since,
                until: Date().addingTimeInterval(0.5),
                filters: ["container=\(name)", "event=kill", "event=die"]
            )
            return ContainerStop.fromEvents(events.value)
        }
        let outcome = ShutdownChecks.gracefulStops(stops, expected: [name])
        #expect(!outcome.passed && outcome.id == "CP5.down", "the shutdown check let the variant through: \(outcome)")
        #expect(outcome.reason.contains("SIGKILL"), "the shutdown check did not call it a SIGKILL: \(outcome.reason)")
    }

    /// Builds `fixtures/broken/<variant>/Dockerfile` as `tag`, runs `body`, and removes `container` and the image afterwards.
    private static func withHealthVariant<Value>(
        _ variant: String,
        tag: String,
        container: String,
        _ body: () async throws -> Value
    ) async throws -> Value {
        let stack = Stack.shared
        try await stack.checkEngine()
        let folder = stack.layout.fixtures.appendingPathComponent("broken/\(variant)", isDirectory: true)
        return try await withScratchResources(containers: [container], images: [tag]) {
            let build = ImageBuild(dockerfile: folder.appendingPathComponent("Dockerfile"), context: folder, tags: [tag])
            try await stack.docker.build(build, timeout: .seconds(600))
            return try await body()
        }
    }
}
