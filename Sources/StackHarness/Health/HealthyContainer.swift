import Foundation

/// A container that became healthy, with the times that prove how fast.
public struct HealthyContainer: Sendable {
    /// The container name.
    public let name: String
    /// When its process started (`State.StartedAt`).
    public let startedAt: Date
    /// When it became healthy: the end of its first passing probe, or when the harness saw it healthy if the probe log no longer reaches back that far.
    public let healthyAt: Date
    /// How long the harness waited.
    public let waited: Duration
    /// How many times it ran `docker inspect`.
    public let polls: Int
    /// The budget it was given.
    public let budget: Duration
    /// The inspection that showed it healthy.
    public let inspection: ContainerInspection

    /// Start to healthy, from the engine's own timestamps.
    public var timeToHealthy: Duration {
        .nanoseconds(Int64((healthyAt.timeIntervalSince(startedAt) * 1e9).rounded()))
    }
}
