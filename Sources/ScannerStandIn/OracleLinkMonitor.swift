import GRPCCore
import Logging
import OracleAPI
import OracleClient
import ServiceLifecycle
import Synchronization

/// Watches the scanner's link to the Oracle, as a real scanner must before it asks for its next range: follows the
/// Oracle's gRPC health Watch stream and logs each change, "Oracle link up" and "Oracle link lost" (with the
/// reason), so an operator sees the scanner reach a restarted or moved Oracle again. A stream, not a poll: a
/// restart ends the stream however quickly the Oracle is back, so no restart goes unseen.
struct OracleLinkMonitor: Service {
    /// Whether the link was last logged up; shared with the stream's handler.
    private final class LinkState: Sendable {
        private let up = Mutex(false)

        /// Logs "Oracle link up" or "Oracle link lost" when `serving` changes what was last logged.
        func record(serving: Bool, reason: @autoclosure () -> String, logger: Logger) {
            let changed = up.withLock { up in
                defer { up = serving }
                return up != serving
            }
            guard changed else { return }
            if serving {
                logger.info("Oracle link up")
            } else {
                logger.warning("Oracle link lost", metadata: ["reason": "\(reason())"])
            }
        }
    }

    /// `grpc.health.v1.Health` of the Oracle, on the scanner's shared connection.
    let health: Grpc_Health_V1_Health.Client<OracleTransport>
    /// Where the changes are logged.
    let logger: Logger
    /// Pause before watching again after the stream ended.
    var retryPause: Duration = .seconds(1)

    func run() async throws {
        await cancelWhenGracefulShutdown { await watch() }
    }

    private func watch() async {
        // Not up until the first SERVING: a link not up yet at start is not "lost".
        let state = LinkState()
        let request = Grpc_Health_V1_HealthCheckRequest.with { $0.service = Nps_Oracle_OracleService.descriptor.fullyQualifiedService }
        while !Task.isCancelled {
            var reason = "the Oracle ended its health watch"
            do {
                try await health.watch(request) { [logger] response in
                    for try await message in response.messages {
                        state.record(serving: message.status == .serving, reason: "the Oracle reports \(message.status)", logger: logger)
                    }
                }
            } catch {
                reason = "\(error)"
            }
            if Task.isCancelled { return }
            state.record(serving: false, reason: reason, logger: logger)
            try? await Task.sleep(for: retryPause)
        }
    }
}
