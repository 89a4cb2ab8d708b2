import GRPCCore
import GRPCNIOTransportHTTP2
import OracleAPI

extension HealthProbe {
    /// Calls `grpc.health.v1.Health/Check("")` on `127.0.0.1:port` once and prints the status; true for SERVING.
    static func probeGRPC(port: Int) async throws -> Bool {
        let status = try await withGRPCClient(
            transport: .http2NIOPosix(target: .ipv4(address: "127.0.0.1", port: port), transportSecurity: .plaintext)
        ) { client in
            var options = CallOptions.defaults
            options.timeout = .seconds(timeoutSeconds)
            // Fail at once when nothing listens, like the HTTP probe, instead of waiting for a connection.
            options.waitForReady = false
            return try await Grpc_Health_V1_Health.Client(wrapping: client).check(.with { $0.service = "" }, options: options).status
        }
        print("grpc.health.v1 status: \(status)")
        return status == .serving
    }
}
