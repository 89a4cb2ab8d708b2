/// How one service of a timed `up -d` got on: how long after the `up` it was healthy, or why it was not.
struct ServiceReadiness: Sendable, Hashable {
    /// The compose service (or the container, for a lone container).
    let service: String
    /// From the start of `docker compose up -d` to its first healthy probe; `nil` when it never got there.
    let sinceUp: Duration?
    /// From its own process start to its first healthy probe; `nil` when unknown.
    let timeToHealthy: Duration?
    /// Why it is not healthy (the health wait's failure), `nil` when it is.
    let failure: String?
}
