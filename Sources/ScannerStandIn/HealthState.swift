import OracleAPI
import Synchronization

/// The scanner's serving status, one for every service name it answers for, and the `Watch` streams that follow it.
final class HealthState: Sendable {
    /// A status as `grpc.health.v1` states it.
    typealias ServingStatus = Grpc_Health_V1_HealthCheckResponse.ServingStatus

    /// The names `Check` and `Watch` know: the whole server and the scanner's own service.
    static let services: Set<String> = ["", "nps.scanner.ScannerService"]

    private struct State {
        var status: ServingStatus = .notServing
        var watchers: [Int: AsyncStream<ServingStatus>.Continuation] = [:]
        var nextWatcher = 0
        var closed = false
    }

    private let state = Mutex(State())

    /// Creates the state, NOT_SERVING until the server listens.
    init() {}

    /// The status of `service`, or nil when it is not one of ``services``.
    func status(of service: String) -> ServingStatus? {
        Self.services.contains(service) ? state.withLock { $0.status } : nil
    }

    /// Sets the status and tells every watcher.
    func set(_ status: ServingStatus) {
        let watchers = state.withLock { state in
            state.status = status
            return Array(state.watchers.values)
        }
        for watcher in watchers { watcher.yield(status) }
    }

    /// Ends every watch stream so shutdown is not held up by them; later watches end after their first answer.
    func closeWatches() {
        let watchers = state.withLock { state in
            state.closed = true
            defer { state.watchers.removeAll() }
            return Array(state.watchers.values)
        }
        for watcher in watchers { watcher.finish() }
    }

    /// A stream that yields the status of `service` now and each time it changes (SERVICE_UNKNOWN, once, for others).
    func watch(_ service: String) -> AsyncStream<ServingStatus> {
        let (stream, continuation) = AsyncStream.makeStream(of: ServingStatus.self, bufferingPolicy: .bufferingNewest(1))
        guard Self.services.contains(service) else {
            continuation.yield(.serviceUnknown)
            continuation.finish()
            return stream
        }
        let id: Int? = state.withLock { state in
            continuation.yield(state.status)
            guard !state.closed else { return nil }
            defer { state.nextWatcher += 1 }
            state.watchers[state.nextWatcher] = continuation
            return state.nextWatcher
        }
        if let id {
            continuation.onTermination = { [weak self] _ in
                self?.state.withLock { _ = $0.watchers.removeValue(forKey: id) }
            }
        } else {
            continuation.finish()
        }
        return stream
    }
}
