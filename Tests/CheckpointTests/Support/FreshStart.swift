import CheckpointRules
import Foundation
import StackHarness

/// A start of the whole stack from `down`, made once per test process and shared by the tests that
/// measure a start (CP5.healthy, CP5.order, CP5.clean), so each can run alone and together they pay for one start.
actor FreshStart {
    /// The one start of this test process.
    static let shared = FreshStart()

    private var record: StartRecord?

    /// The start, making it now if this process has not: `down` (volumes kept, except the stale volume a run owning
    /// the data removes first, as `ensureRunning` does), timed `up -d`, then each container polled until healthy
    /// within what is left of the 120 s.
    func measure() async throws -> StartRecord {
        if let record { return record }
        let stack = Stack.shared
        try await stack.ensureImages()
        try await stack.takeDownForFreshStart()
        try stack.layout.prepareOracleFolders()

        let upStartedAt = Date()
        let clock = ContinuousClock()
        let deadline = clock.now + Requirements.stackHealthyLimit
        // Without --wait; `up -d` still starts each service only once its dependencies are healthy.
        let up = try await stack.compose.up(wait: false, timeout: Requirements.stackHealthyLimit)
        await stack.noteStarted(StackServices.all)
        let waits = await withTaskGroup(of: (String, Result<HealthyContainer, any Error>).self) { group in
            for service in StackServices.all {
                group.addTask {
                    let wait = HealthWait(container: StackServices.container(service), docker: stack.docker)
                    do {
                        return (service, .success(try await wait.untilHealthy(budget: max(deadline - clock.now, .zero))))
                    } catch {
                        return (service, .failure(error))
                    }
                }
            }
            var results: [String: Result<HealthyContainer, any Error>] = [:]
            for await (service, result) in group { results[service] = result }
            return results
        }
        let settledAt = Date()
        let events = try await stack.docker.events(
            since: upStartedAt.addingTimeInterval(-1),
            until: settledAt.addingTimeInterval(1),
            filters: ["type=container", "label=com.docker.compose.project=\(stack.compose.name)"]
        ).value
        let timelines = ServiceTimeline.fromEvents(events)
        let readiness = StackServices.all.map { service in
            Self.readiness(service, wait: waits[service], timeline: timelines[service], upStartedAt: upStartedAt)
        }
        try await stack.report.record(
            StackTimeline(
                phase: .start,
                origin: upStartedAt,
                lanes: StackServices.all.map { StackTimeline.Lane(service: $0, begin: timelines[$0]?.startedAt, end: timelines[$0]?.healthyAt) }
            )
        )
        let made = StartRecord(upStartedAt: upStartedAt, up: up, readiness: readiness, settledAt: settledAt, events: events)
        record = made
        return made
    }

    // The engine's healthy event is exact; the health wait's time is the fallback (it is late for services
    // healthy long before `up -d` returned, whose first passing probe has left the five-entry probe log).
    private static func readiness(
        _ service: String,
        wait: Result<HealthyContainer, any Error>?,
        timeline: ServiceTimeline?,
        upStartedAt: Date
    ) -> ServiceReadiness {
        switch wait {
        case .success(let healthy)?:
            let healthyAt = timeline?.healthyAt ?? healthy.healthyAt
            let startedAt = timeline?.startedAt ?? healthy.startedAt
            return ServiceReadiness(
                service: service,
                sinceUp: duration(from: upStartedAt, to: healthyAt),
                timeToHealthy: duration(from: startedAt, to: healthyAt),
                failure: nil
            )
        case .failure(let error)?:
            return ServiceReadiness(service: service, sinceUp: nil, timeToHealthy: nil, failure: String(describing: error))
        case nil:
            return ServiceReadiness(service: service, sinceUp: nil, timeToHealthy: nil, failure: "not waited for")
        }
    }

    private static func duration(from start: Date, to end: Date) -> Duration {
        .nanoseconds(Int64((end.timeIntervalSince(start) * 1e9).rounded()))
    }
}
