/// `total` load calls with `concurrency` in flight at once, the next index starting as soon as one call ends.
struct CallBatch: Sendable {
    /// How many calls in all.
    let total: Int
    /// How many at once.
    let concurrency: Int

    /// Makes `call(index)` for every index below `total` and times each; bounded by `total` calls, each by its own
    /// time limit. The outcome's wall time runs from the first call's start to the last one's end.
    func run(_ call: @escaping @Sendable (Int) async throws -> Void) async -> BatchOutcome {
        let clock = ContinuousClock()
        let start = clock.now
        var outcome = await withTaskGroup(of: Result<Duration, CallFailure>.self, returning: BatchOutcome.self) { group in
            var outcome = BatchOutcome()
            for index in 0..<total {
                if index >= concurrency, let result = await group.next() {
                    outcome.record(result)
                }
                group.addTask {
                    let started = clock.now
                    do {
                        try await call(index)
                        return .success(clock.now - started)
                    } catch {
                        return .failure(CallFailure(error))
                    }
                }
            }
            for await result in group {
                outcome.record(result)
            }
            return outcome
        }
        outcome.finish(after: clock.now - start)
        return outcome
    }
}
