import Synchronization

/// Thrown when an operation given to `withDeadline` did not finish in time.
struct DeadlineExceeded: Error, CustomStringConvertible {
    /// The time that was allowed.
    let limit: Duration
    var description: String { "no answer within \(limit)" }
}

/// Returns `operation`'s result, or throws `DeadlineExceeded` after `limit`, or `CancellationError`
/// when the caller is cancelled, without waiting for the operation in either case.
///
/// The operation runs in its own task so that a call that ignores cancellation (a connection
/// pool waiting for a database that is away) cannot hold the caller past its deadline.
func withDeadline<T: Sendable>(
    _ limit: Duration,
    _ operation: @escaping @Sendable () async throws -> T
) async throws -> T {
    let race = DeadlineRace<T>()
    return try await withTaskCancellationHandler {
        try await withCheckedThrowingContinuation { continuation in
            race.start(continuation: continuation, limit: limit, operation: operation)
        }
    } onCancel: {
        race.finish(.failure(CancellationError()))
    }
}

/// The shared state of one `withDeadline` call: whichever of result, timer or cancellation comes first wins.
private final class DeadlineRace<T: Sendable>: Sendable {
    private struct State {
        var continuation: CheckedContinuation<T, any Error>?
        var early: Result<T, any Error>?
        var tasks: [Task<Void, Never>] = []
    }

    private let state = Mutex(State())

    func start(continuation: CheckedContinuation<T, any Error>, limit: Duration, operation: @escaping @Sendable () async throws -> T) {
        let work = Task {
            do { self.finish(.success(try await operation())) } catch { self.finish(.failure(error)) }
        }
        let timer = Task {
            guard (try? await Task.sleep(for: limit)) != nil else { return }
            self.finish(.failure(DeadlineExceeded(limit: limit)))
        }
        let early = state.withLock { state -> Result<T, any Error>? in
            state.tasks = [work, timer]
            if let early = state.early { return early }
            state.continuation = continuation
            return nil
        }
        if let early {
            work.cancel()
            timer.cancel()
            continuation.resume(with: early)
        }
    }

    func finish(_ result: Result<T, any Error>) {
        let (continuation, tasks) = state.withLock { state -> (CheckedContinuation<T, any Error>?, [Task<Void, Never>]) in
            guard let continuation = state.continuation else {
                if state.early == nil, state.tasks.isEmpty { state.early = result }
                return (nil, [])
            }
            state.continuation = nil
            return (continuation, state.tasks)
        }
        guard let continuation else { return }
        for task in tasks { task.cancel() }
        continuation.resume(with: result)
    }
}
