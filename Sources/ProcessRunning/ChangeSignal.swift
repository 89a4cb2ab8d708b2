import Synchronization

/// Wakes the tasks that wait for a child's state to change (new output, a pipe's end, the exit); no wake-up is lost.
final class ChangeSignal: Sendable {
    // A count of changes, so that a change between a waiter's check and its sleep still wakes it.
    private struct State {
        var changes: UInt64 = 0
        var lastWaiter: UInt64 = 0
        var waiters: [UInt64: CheckedContinuation<Void, Never>] = [:]
    }

    // Shared by the announcing threads and the waiting tasks.
    private let state = Mutex(State())

    /// How many changes there have been; a waiter reads it before checking its condition and passes it to `wait`.
    var changes: UInt64 { state.withLock { $0.changes } }

    /// Records a change and wakes every waiter.
    func announce() {
        let woken = state.withLock { state in
            state.changes += 1
            let waiters = state.waiters.values
            state.waiters = [:]
            return waiters
        }
        for waiter in woken { waiter.resume() }
    }

    /// Returns once there has been a change after `seen`, `deadline` (if any) has passed, or the task is cancelled.
    func wait(after seen: UInt64, until deadline: ContinuousClock.Instant?) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.nextChange(after: seen) }
            if let deadline {
                group.addTask { try? await Task.sleep(until: deadline) }
            }
            await group.next()
            group.cancelAll()
        }
    }

    // Sleeps until a change after `seen`; cancellation wakes it too, which is how the deadline above ends it.
    private func nextChange(after seen: UInt64) async {
        let id = state.withLock { state in
            state.lastWaiter += 1
            return state.lastWaiter
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let wakeNow = state.withLock { state in
                    // Cancellation is checked under the lock: a handler that ran before this found nothing to wake.
                    guard state.changes == seen, !Task.isCancelled else { return true }
                    state.waiters[id] = continuation
                    return false
                }
                if wakeNow { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: id) }?.resume()
        }
    }
}
