import GRPCCore
import GRPCNIOTransportHTTP2
import Logging
import OracleAPI
import ServiceLifecycle

/// Watches the scanner's link to the Oracle, as a real scanner must before it asks for its next range: asks the
/// Oracle's gRPC health every `interval` and logs each change, "Oracle link up" and "Oracle link lost" (with the
/// reason), so an operator sees the scanner reach a restarted or moved Oracle again.
struct OracleLinkMonitor: Service {
    /// `grpc.health.v1.Health` of the Oracle, on the scanner's shared connection.
    let health: Grpc_Health_V1_Health.Client<HTTP2ClientTransport.Posix>
    /// Where the changes are logged.
    let logger: Logger
    /// Pause between checks.
    var interval: Duration = .seconds(2)
    /// How long one check may take.
    var timeout: Duration = .seconds(1)

    func run() async throws {
        await cancelWhenGracefulShutdown { await watch() }
    }

    private func watch() async {
        // Unknown until the first answer: a link not up yet at start is not "lost".
        var up: Bool?
        while !Task.isCancelled {
            let problem = await check()
            if Task.isCancelled { return }
            if problem == nil, up != true {
                logger.info("Oracle link up")
            } else if let problem, up == true {
                logger.warning("Oracle link lost", metadata: ["reason": "\(problem)"])
            }
            if problem == nil || up == true { up = problem == nil }
            try? await Task.sleep(for: interval)
        }
    }

    // Nil when the Oracle says SERVING, else why not.
    private func check() async -> String? {
        var options = CallOptions.defaults
        options.timeout = timeout
        do {
            let answer = try await health.check(.with { $0.service = Nps_Oracle_OracleService.descriptor.fullyQualifiedService }, options: options)
            return answer.status == .serving ? nil : "the Oracle reports \(answer.status)"
        } catch {
            return "\(error)"
        }
    }
}
