/// What a `CallBatch` adds its calls' results to: a batch mode's outcome, or the writes' acknowledgements.
protocol CallTally: Sendable {
    /// Counts call number `index`'s result: its latency, or its failure.
    mutating func record(call index: Int, _ result: Result<Duration, CallFailure>)
    /// Ends the batch after `wall` of wall time.
    mutating func finish(after wall: Duration)
}
