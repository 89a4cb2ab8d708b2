import GRPCCore
import OracleAPI

/// The standard `grpc.health.v1.Health` service, answered from the ``HealthState``.
struct GRPCHealthService: Grpc_Health_V1_Health.SimpleServiceProtocol {
    /// Where the status is read.
    let state: HealthState

    func check(
        request: Grpc_Health_V1_HealthCheckRequest,
        context: ServerContext
    ) async throws -> Grpc_Health_V1_HealthCheckResponse {
        guard let status = state.status(of: request.service) else {
            throw RPCError(code: .notFound, message: "service: unknown service '\(request.service)'")
        }
        return .with { $0.status = status }
    }

    func watch(
        request: Grpc_Health_V1_HealthCheckRequest,
        response: RPCWriter<Grpc_Health_V1_HealthCheckResponse>,
        context: ServerContext
    ) async throws {
        for await status in state.watch(request.service) {
            try await response.write(.with { $0.status = status })
        }
    }
}
