public import GRPCCore
public import OracleAPI

/// The standard `grpc.health.v1.Health` service, answered from a `HealthStatusBoard`.
public struct GRPCHealthService: Grpc_Health_V1_Health.SimpleServiceProtocol {
    /// Where statuses are read.
    public let board: HealthStatusBoard

    /// Serves the statuses on `board`.
    public init(board: HealthStatusBoard) { self.board = board }

    public func check(
        request: Grpc_Health_V1_HealthCheckRequest,
        context: ServerContext
    ) async throws -> Grpc_Health_V1_HealthCheckResponse {
        guard let status = board.status(of: request.service) else {
            throw RPCError(code: .notFound, message: "service: unknown service '\(request.service)'")
        }
        return .with { $0.status = status }
    }

    public func watch(
        request: Grpc_Health_V1_HealthCheckRequest,
        response: RPCWriter<Grpc_Health_V1_HealthCheckResponse>,
        context: ServerContext
    ) async throws {
        for await status in board.watch(request.service) {
            try await response.write(.with { $0.status = status })
        }
    }
}
