/// One service of the Swarm stack as `docker service ls` and `docker service inspect` show it.
package struct SwarmService: Sendable, Hashable {
    /// The service's name without the stack's prefix ("oracle").
    package let name: String
    /// Tasks running (healthy, for a service with a health check).
    package let running: Int
    /// Tasks wanted.
    package let desired: Int
    /// The state of its last update ("completed", "rollback_completed", …), nil when it was never updated.
    package let updateState: String?
    /// The image its spec names.
    package let image: String

    /// Makes a service from its parts.
    package init(name: String, running: Int, desired: Int, updateState: String?, image: String) {
        self.name = name
        self.running = running
        self.desired = desired
        self.updateState = updateState
        self.image = image
    }

    /// Whether it runs all its tasks and no update is under way or failed.
    package var converged: Bool {
        desired > 0 && running == desired && [nil, "completed", "rollback_completed"].contains(updateState)
    }
}
