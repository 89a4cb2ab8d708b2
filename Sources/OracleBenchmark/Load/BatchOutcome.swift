import ProcessRunning

/// What a batch of load calls came to: each success's latency, the failures, and the wall time of the whole batch.
struct BatchOutcome: CallTally, Equatable {
    /// The latency of each call that succeeded, in milliseconds; ascending once the batch is finished.
    private(set) var latencies: [Double] = []
    /// How many calls failed.
    private(set) var errors = 0
    /// The first failure to arrive; nil when none failed.
    private(set) var firstError: String?
    /// Wall time of the batch, in seconds.
    private(set) var wallSeconds = 0.0

    /// Calls that succeeded.
    var ok: Int { latencies.count }

    /// Counts one call's result: its latency, or its failure.
    mutating func record(_ result: Result<Duration, CallFailure>) {
        switch result {
        case .success(let latency):
            latencies.append(latency.inMilliseconds)
        case .failure(let failure):
            errors += 1
            firstError = firstError ?? failure.text
        }
    }

    /// Counts one call's result; which call it was makes no difference here.
    mutating func record(call index: Int, _ result: Result<Duration, CallFailure>) {
        record(result)
    }

    /// Ends the batch after `wall` of wall time: the latencies sorted for their percentiles.
    mutating func finish(after wall: Duration) {
        latencies.sort()
        wallSeconds = wall.inSeconds
    }
}
