/// The fields of every batch mode's JSON line: which mode, the calls that succeeded and failed, how many at once, the
/// wall time, and the first failure.
struct BatchSummary: Encodable, Sendable, Equatable {
    /// "readings", "flood" or "writes".
    let mode: String
    /// Calls that succeeded.
    let ok: Int
    /// Calls that failed.
    let errors: Int
    /// Calls in flight at once.
    let concurrency: Int
    /// Wall time of all the calls, in seconds.
    let wallSeconds: Double
    /// The first failure; nil (left out) when none failed.
    let firstError: String?

    /// The summary of a `mode` batch made `concurrency` at a time, from its outcome.
    init(mode: String, concurrency: Int, outcome: BatchOutcome) {
        self.mode = mode
        self.concurrency = concurrency
        ok = outcome.ok
        errors = outcome.errors
        wallSeconds = outcome.wallSeconds
        firstError = outcome.firstError
    }
}
