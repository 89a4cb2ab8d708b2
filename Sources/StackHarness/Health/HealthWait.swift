import Foundation

/// Waits for one container to be healthy with a passing last probe, polling `docker inspect`, and fails fast when it cannot become so.
package struct HealthWait: Sendable {
    /// Docker keeps this many probes in `State.Health.Log`.
    static let keptProbeCount = 5

    /// The container name.
    package let container: String
    /// The CLI that inspects it.
    package let docker: DockerCLI
    /// Time between inspections.
    package let pollInterval: Duration
    /// Whether an "unhealthy" container is waited on rather than failed: after a fault (its database stopped) it turns
    /// healthy again at its next passing probe.
    package let recovering: Bool

    /// Describes the wait; polls every 250 ms unless told otherwise.
    package init(container: String, docker: DockerCLI, pollInterval: Duration = .milliseconds(250), recovering: Bool = false) {
        self.container = container
        self.docker = docker
        self.pollInterval = pollInterval
        self.recovering = recovering
    }

    /// Waits until healthy, throwing `HealthWaitFailure` early; the budget defaults to the container's `healthyBudget`.
    package func untilHealthy(budget: Duration? = nil) async throws -> HealthyContainer {
        let clock = ContinuousClock()
        let waitStarted = clock.now
        var polls = 0
        var firstRestartCount: Int?
        while true {
            let inspection = try await docker.inspectContainer(container).value
            polls += 1
            let restarted = firstRestartCount.map { inspection.restartCount > $0 } ?? false
            firstRestartCount = firstRestartCount ?? inspection.restartCount
            switch HealthAssessment(inspection, restarted: restarted, recovering: recovering) {
            case .failed(let failure):
                throw failure
            case .healthy:
                return HealthyContainer(
                    name: container,
                    startedAt: inspection.state.startedAt ?? Date(),
                    healthyAt: Self.healthyMoment(of: inspection, observedAt: Date()),
                    waited: clock.now - waitStarted,
                    polls: polls,
                    budget: budget ?? Self.budget(of: inspection),
                    inspection: inspection
                )
            case .pending(let status):
                let budget = budget ?? Self.budget(of: inspection)
                guard clock.now - waitStarted < budget else {
                    throw HealthWaitFailure.notHealthyInTime(container: container, budget: budget, lastStatus: status)
                }
                try await Task.sleep(for: pollInterval)
            }
        }
    }

    /// The end of the first passing probe since the start, when the probe log still reaches back to it; else `observedAt`.
    static func healthyMoment(of inspection: ContainerInspection, observedAt: Date) -> Date {
        let startedAt = inspection.state.startedAt ?? .distantPast
        let probes = (inspection.state.health?.log ?? []).filter { ($0.start ?? .distantPast) >= startedAt }
        guard let firstPass = probes.firstIndex(where: { $0.exitCode == 0 }),
            // With a full log whose oldest entry already passed, earlier passing probes may have been dropped.
            firstPass > 0 || probes.count < keptProbeCount,
            let end = probes[firstPass].end
        else { return observedAt }
        return end
    }

    // Only called once the assessment found a health check, so the settings are there.
    private static func budget(of inspection: ContainerInspection) -> Duration {
        inspection.config.healthcheck?.healthyBudget ?? .zero
    }
}
