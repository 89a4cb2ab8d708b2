import ServiceRuntime
import Synchronization

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The live state that health answers are made from; updated by the services, read by every probe.
final class OracleStatus: Sendable, GRPCListenerRecord {
    /// Lifecycle of the gRPC listener.
    enum GRPCState: String, Sendable {
        case starting, listening, stopping
    }

    private struct State {
        var grpc = GRPCState.starting
        var grpcPort: Int?
        var healthPort: Int?
        var databaseReachable: Bool?
    }

    /// When the service started, for uptime.
    let startedAt: ContinuousClock.Instant
    /// Whether AI answers are configured; a missing key is not unhealthy.
    let aiConfigured: Bool
    /// What the write path holds back, read at each answer.
    private let backlog: @Sendable () -> WriteBacklog
    private let state = Mutex(State())

    /// Creates the state of a service that is just starting, whose write backlog `backlog` reads.
    init(aiConfigured: Bool, startedAt: ContinuousClock.Instant = .now, backlog: @escaping @Sendable () -> WriteBacklog) {
        self.aiConfigured = aiConfigured
        self.startedAt = startedAt
        self.backlog = backlog
    }

    /// The gRPC listener's state.
    var grpc: GRPCState { state.withLock { $0.grpc } }
    /// The bound gRPC port, once listening.
    var grpcPort: Int? { state.withLock { $0.grpcPort } }
    /// The bound HTTP health port, once listening.
    var healthPort: Int? { state.withLock { $0.healthPort } }
    /// Whether the last database probe succeeded.
    var databaseReachable: Bool { state.withLock { $0.databaseReachable ?? false } }

    /// Records that gRPC listens on `port`.
    func grpcListening(on port: Int) {
        state.withLock {
            $0.grpc = .listening
            $0.grpcPort = port
        }
    }
    /// Records that gRPC is draining for shutdown.
    func grpcStopping() { state.withLock { $0.grpc = .stopping } }
    /// Records that the HTTP health endpoint listens on `port`.
    func healthListening(on port: Int) { state.withLock { $0.healthPort = port } }
    /// Records a database probe; returns true when it changes what was known (the first probe always does).
    func recordDatabase(reachable: Bool) -> Bool {
        state.withLock { state in
            defer { state.databaseReachable = reachable }
            return state.databaseReachable != reachable
        }
    }

    /// The health answer shared by `GET /health` and the `HealthCheck` RPC.
    func report() -> HealthReport {
        let snapshot = state.withLock { $0 }
        let uptime = ContinuousClock.now - startedAt
        let grpcCheck: String =
            switch snapshot.grpc {
            case .starting: "starting"
            case .listening: "listening"
            case .stopping: "stopping"
            }
        let databaseReachable = snapshot.databaseReachable ?? false
        let healthy = databaseReachable && snapshot.grpc == .listening
        return HealthReport(
            status: healthy ? .healthy : .unhealthy,
            version: StackVersion.current,
            uptimeSeconds: uptime.components.seconds,
            backlog: backlog(),
            checks: [
                "database": databaseReachable ? "connected" : "unreachable",
                "grpc": grpcCheck,
                "ai": aiConfigured ? "configured" : "fallback",
            ]
        )
    }
}
