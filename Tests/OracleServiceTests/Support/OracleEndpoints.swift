import GRPCCore
import GRPCNIOTransportHTTP2
import OracleAPI

/// An Oracle the tests reach on 127.0.0.1 through its bound ports: in-process or the binary as a child.
protocol OracleEndpoints: Sendable {
    /// Its bound gRPC port.
    var grpcPort: Int { get }
    /// Its bound HTTP health port.
    var healthPort: Int { get }
}

extension OracleEndpoints {
    /// Calls `body` with a plaintext gRPC client connected to this Oracle.
    func withClient<T: Sendable>(_ body: @Sendable (GRPCClient<HTTP2ClientTransport.Posix>) async throws -> T) async throws -> T {
        try await withGRPCClient(
            transport: .http2NIOPosix(target: .ipv4(address: "127.0.0.1", port: grpcPort), transportSecurity: .plaintext),
            handleClient: body
        )
    }

    /// Calls `body` with the typed Oracle client.
    func withOracle<T: Sendable>(
        _ body: @Sendable (Nps_Oracle_OracleService.Client<HTTP2ClientTransport.Posix>) async throws -> T
    ) async throws -> T {
        try await withClient { try await body(Nps_Oracle_OracleService.Client(wrapping: $0)) }
    }

    /// `GET /health` (or `path` on the health port): status code and decoded JSON body.
    func health(_ path: String = "/health") async throws -> (status: Int, body: [String: Any]) {
        try await HTTPHealth.get(port: healthPort, path: path)
    }
}
