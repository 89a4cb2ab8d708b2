/// `total` load calls with `concurrency` in flight at once, the next index starting as soon as one call ends (or, with
/// an `interval`, when its turn comes), none starting once the `budget` has passed.
struct CallBatch: Sendable {
    /// How many calls in all.
    let total: Int
    /// How many at once.
    let concurrency: Int
    /// The time from one call's start to the next one's (`--rate`); nil starts each as soon as a call ends.
    var interval: Duration?
    /// How long after the batch's start calls may still start (`--for`); nil lets all `total` start.
    var budget: Duration?

    /// Makes `call(index)` for every index below `total` and times each, into a `BatchOutcome`.
    func run(_ call: @escaping @Sendable (Int) async throws -> Void) async -> BatchOutcome {
        await run(into: BatchOutcome(), call)
    }

    /// Makes `call(index)` for every index below `total` (fewer when the budget ends first), times each and records
    /// each result in `tally`; bounded by `total` calls, each by its own time limit, so a batch with a budget ends at
    /// most one call's time limit after it. The wall time runs from the batch's start to the last call's end.
    func run<Tally: CallTally>(into tally: Tally, _ call: @escaping @Sendable (Int) async throws -> Void) async -> Tally {
        let clock = ContinuousClock()
        let start = clock.now
        let end = budget.map { start + $0 }
        var tally = await withTaskGroup(of: (Int, Result<Duration, CallFailure>).self, returning: Tally.self) { group in
            var tally = tally
            for index in 0..<total {
                if index >= concurrency, let (done, result) = await group.next() {
                    tally.record(call: done, result)
                }
                let due = interval.map { start + $0 * index } ?? clock.now
                if let end, due >= end || clock.now >= end { break }
                if interval != nil { try? await clock.sleep(until: due) }
                group.addTask {
                    let started = clock.now
                    do {
                        try await call(index)
                        return (index, .success(clock.now - started))
                    } catch {
                        return (index, .failure(CallFailure(error)))
                    }
                }
            }
            for await (done, result) in group {
                tally.record(call: done, result)
            }
            return tally
        }
        tally.finish(after: clock.now - start)
        return tally
    }
}
