public import OracleAPI
import Synchronization

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The serving status of each gRPC service name, and the `Watch` streams that follow it.
public final class HealthStatusBoard: Sendable {
    /// A status as `grpc.health.v1` states it.
    public typealias ServingStatus = Grpc_Health_V1_HealthCheckResponse.ServingStatus

    private struct State {
        var statuses: [String: ServingStatus]
        var watchers: [UUID: (service: String, continuation: AsyncStream<ServingStatus>.Continuation)] = [:]
        var closed = false
    }

    private let state: Mutex<State>

    /// Creates a board that knows `services`, each NOT_SERVING until it is set otherwise.
    public init(services: [String]) {
        state = Mutex(State(statuses: Dictionary(uniqueKeysWithValues: services.map { ($0, .notServing) })))
    }

    /// The status of `service`, or nil when the board does not know it.
    public func status(of service: String) -> ServingStatus? {
        state.withLock { $0.statuses[service] }
    }

    /// Sets every known service to `status` and tells their watchers.
    public func setAll(_ status: ServingStatus) {
        let watchers = state.withLock { state in
            for name in state.statuses.keys { state.statuses[name] = status }
            return Array(state.watchers.values)
        }
        for watcher in watchers { watcher.continuation.yield(status) }
    }

    /// Ends every watch stream; later watches end after their first answer.
    public func closeWatches() {
        let watchers = state.withLock { state in
            state.closed = true
            defer { state.watchers.removeAll() }
            return Array(state.watchers.values)
        }
        for watcher in watchers { watcher.continuation.finish() }
    }

    /// A stream that yields the status of `service` now and each time it changes.
    public func watch(_ service: String) -> AsyncStream<ServingStatus> {
        let (stream, continuation) = AsyncStream.makeStream(of: ServingStatus.self, bufferingPolicy: .bufferingNewest(1))
        let id = UUID()
        let closed = state.withLock { state in
            continuation.yield(state.statuses[service] ?? .serviceUnknown)
            if !state.closed { state.watchers[id] = (service, continuation) }
            return state.closed
        }
        if closed {
            continuation.finish()
        } else {
            continuation.onTermination = { [weak self] _ in
                self?.state.withLock { _ = $0.watchers.removeValue(forKey: id) }
            }
        }
        return stream
    }
}
