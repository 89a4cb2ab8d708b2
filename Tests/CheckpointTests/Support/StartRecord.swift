import CheckpointRules
import Foundation
import ProcessRunning
import StackHarness

/// One timed start of the whole stack from `down`: when `up -d` began, its run, how each service got
/// on, and the engine's events of the start (captured at once, before the engine's event buffer moves on).
struct StartRecord: Sendable {
    /// When `docker compose up -d` was launched.
    let upStartedAt: Date
    /// The `up -d` run.
    let up: CommandResult
    /// Each service's time to healthy or why it was not.
    let readiness: [ServiceReadiness]
    /// When the last service was seen healthy (or the waits gave up).
    let settledAt: Date
    /// The project's container events from the `up` to `settledAt`, oldest first.
    let events: [EngineEvent]

    /// Start and first healthy event of each service.
    var timelines: [String: ServiceTimeline] { ServiceTimeline.fromEvents(events) }
}
