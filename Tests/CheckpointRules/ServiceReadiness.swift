/// How one service of a timed `up -d` got on: how long after the `up` it was healthy, or why it was not.
package struct ServiceReadiness: Sendable, Hashable {
    /// The compose service (or the container, for a lone container).
    package let service: String
    /// From the start of `docker compose up -d` to its first healthy probe; `nil` when it never got there.
    package let sinceUp: Duration?
    /// From its own process start to its first healthy probe; `nil` when unknown.
    package let timeToHealthy: Duration?
    /// Why it is not healthy (the health wait's failure), `nil` when it is.
    package let failure: String?

    /// Makes a readiness from its parts.
    package init(service: String, sinceUp: Duration?, timeToHealthy: Duration?, failure: String?) {
        self.service = service
        self.sinceUp = sinceUp
        self.timeToHealthy = timeToHealthy
        self.failure = failure
    }
}
