import CheckpointRules
import Foundation
import Synchronization

/// Asks the Oracle's `/health` every `interval` while a fault lasts, recording each answer (or its absence) against
/// the fault's start; bounded by `limit` whatever the test does.
final class HealthPoller: Sendable {
    /// The answers, shared with the polling task.
    private final class Answers: Sendable {
        let list = Mutex<[HealthPoll]>([])
    }

    private let answers = Answers()
    private let task: Task<Void, Never>

    /// Starts polling `url` now; times are from `since`.
    init(url: URL, since: Date, interval: Duration = .milliseconds(100), limit: Duration = .seconds(120)) {
        let answers = self.answers
        task = Task {
            let end = ContinuousClock.now + limit
            while !Task.isCancelled, ContinuousClock.now < end {
                let at = Duration.seconds(Date().timeIntervalSince(since))
                let started = ContinuousClock.now
                // A 3 s limit, past the requirement's 2 s, so a slow answer is measured rather than cut off.
                let reply = try? await HTTPFetch.get(url, timeout: .seconds(3), ownConnection: true)
                // A request that `stop()` cut off was not left unanswered by the server: the fault's window ended first.
                if reply == nil, Task.isCancelled { break }
                answers.list.withLock { $0.append(HealthPoll(at: at, status: reply?.status, elapsed: ContinuousClock.now - started)) }
                try? await Task.sleep(for: interval)
            }
        }
    }

    /// The answers so far.
    var samples: [HealthPoll] { answers.list.withLock { $0 } }

    /// Stops polling; returns every answer.
    func stop() async -> [HealthPoll] {
        task.cancel()
        await task.value
        return samples
    }
}
