import Foundation

/// A container that became healthy, with the times that prove how fast.
package struct HealthyContainer: Sendable {
    /// The container name.
    package let name: String
    /// When its process started (`State.StartedAt`).
    package let startedAt: Date
    /// When it became healthy: the end of its first passing probe, or when the harness saw it healthy if the probe log no longer reaches back that far.
    package let healthyAt: Date
    /// How long the harness waited.
    package let waited: Duration
    /// How many times it ran `docker inspect`.
    package let polls: Int
    /// The budget it was given.
    package let budget: Duration
    /// The inspection that showed it healthy.
    package let inspection: ContainerInspection

    /// Start to healthy, from the engine's own timestamps.
    package var timeToHealthy: Duration {
        .nanoseconds(Int64((healthyAt.timeIntervalSince(startedAt) * 1e9).rounded()))
    }
}
