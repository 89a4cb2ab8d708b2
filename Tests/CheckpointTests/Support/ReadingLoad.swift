import CheckpointRules
import Foundation
import StackHarness

/// GetReading calls against the stack's Oracle while a fault lasts, in rounds of 200 (2 at a time) until stopped or
/// `limit` passes: what "readings never fail" is measured with.
final class ReadingLoad: Sendable {
    private let task: Task<ReadingsUnderFault, Never>

    /// Starts the rounds once the client is ready (`OracleLoad.prepare`), so they run while the fault lasts.
    init(limit: Duration = .seconds(120)) async throws {
        try await OracleLoad.prepare()
        let load = OracleLoad()
        task = Task {
            var total = ReadingsUnderFault()
            let end = ContinuousClock.now + limit
            while !Task.isCancelled, ContinuousClock.now < end {
                do {
                    total.add(try await load.readings(200, concurrency: 2).value)
                } catch {
                    // A round cut short by `stop` says nothing about the Oracle.
                    if Task.isCancelled { break }
                    total.add(failure: "\(error)")
                }
            }
            return total
        }
    }

    /// Stops after the round in flight is cut short; returns the rounds' sum.
    func stop() async -> ReadingsUnderFault {
        task.cancel()
        return await task.value
    }
}
