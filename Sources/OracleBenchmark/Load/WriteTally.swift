/// What a write load came to: the calls the Oracle acknowledged, by kind and by key, and the others by status.
///
/// A call that failed is not acknowledged, whatever the failure: the Oracle refused it (UNAVAILABLE while its backlog
/// is full: no row), or its outcome is unknown (DEADLINE_EXCEEDED, a connection lost mid-call: the row may exist all
/// the same). So the Integrity tests take the acknowledged calls as the lower bound of the rows stored and add the
/// calls of unknown outcome, read from `statuses`, for the upper bound.
struct WriteTally: CallTally, Equatable {
    /// The load whose calls these are: which call each index was, and its key.
    let load: WriteLoad
    /// Successes' latencies, failures and wall time, as every batch counts them.
    private(set) var outcome = BatchOutcome()
    /// SuggestRange calls acknowledged.
    private(set) var acknowledgedSuggestions = 0
    /// AnalyzeSession calls acknowledged.
    private(set) var acknowledgedAnalyses = 0
    /// The indexes of the calls acknowledged; ascending once the load is finished.
    private(set) var acknowledgedIndexes: [Int] = []
    /// How many calls failed with each status ("unavailable", "deadline_exceeded").
    private(set) var statuses: [String: Int] = [:]
    /// The first failure of each status.
    private(set) var messages: [String: String] = [:]

    /// An empty tally of `load`'s calls.
    init(load: WriteLoad) {
        self.load = load
    }

    /// The keys of the calls acknowledged, in the order of their indexes once the load is finished.
    var acknowledgedKeys: [String] { acknowledgedIndexes.map(load.key) }

    /// Counts call `index`: acknowledged, by its kind, or failed, under its status.
    mutating func record(call index: Int, _ result: Result<Duration, CallFailure>) {
        outcome.record(result)
        switch result {
        case .success:
            acknowledgedIndexes.append(index)
            switch load.kind(index) {
            case .suggestRange: acknowledgedSuggestions += 1
            case .analyzeSession: acknowledgedAnalyses += 1
            }
        case .failure(let failure):
            statuses[failure.status, default: 0] += 1
            messages[failure.status] = messages[failure.status] ?? failure.text
        }
    }

    /// Ends the load after `wall` of wall time: latencies and indexes sorted.
    mutating func finish(after wall: Duration) {
        outcome.finish(after: wall)
        acknowledgedIndexes.sort()
    }
}
