/// One `/health` request made while a fault lasted: when, what it answered, how long it took.
package struct HealthPoll: Sendable, Equatable {
    /// From the fault to the request.
    package let at: Duration
    /// The HTTP status; nil when no answer came.
    package let status: Int?
    /// How long the request took (to its failure, when none came).
    package let elapsed: Duration

    /// A poll from its parts.
    package init(at: Duration, status: Int?, elapsed: Duration) {
        self.at = at
        self.status = status
        self.elapsed = elapsed
    }
}
