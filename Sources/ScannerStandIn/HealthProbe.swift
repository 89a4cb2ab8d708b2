import GRPCCore
import GRPCNIOTransportHTTP2
import OracleAPI
import StandInSupport

/// `nps-scanner-stand-in healthcheck`: asks the local gRPC health service and exits 0 only for SERVING.
enum HealthProbe {
    /// Calls `grpc.health.v1.Health/Check("")` on `127.0.0.1:$GRPC_PORT` within 3 s; returns the process exit status.
    static func run(environment: StandInEnvironment) async -> Int32 {
        do {
            let port = try environment.port("GRPC_PORT", default: 50051)
            let status = try await withGRPCClient(
                transport: .http2NIOPosix(target: .ipv4(address: "127.0.0.1", port: port), transportSecurity: .plaintext)
            ) { client in
                var options = CallOptions.defaults
                options.timeout = .seconds(3)
                return try await Grpc_Health_V1_Health.Client(wrapping: client).check(.with { $0.service = "" }, options: options).status
            }
            print("grpc.health.v1 status: \(status)")
            return status == .serving ? 0 : 1
        } catch {
            print("health probe failed: \(error)")
            return 1
        }
    }
}
