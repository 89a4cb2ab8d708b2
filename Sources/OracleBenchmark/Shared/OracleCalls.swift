import GRPCCore
import GRPCNIOTransportHTTP2
import OracleAPI

/// The Oracle calls the load and the benchmark make. They do not wait for a connection: while the server is down a
/// call fails at once, as a grpcio call does, so `--wait-ready` sees each attempt fail and retries.
struct OracleCalls: Sendable {
    /// The time limit of a call.
    static let callTimeout: Duration = .seconds(10)

    /// The Oracle's generated client.
    let oracle: Nps_Oracle_OracleService.Client<HTTP2ClientTransport.Posix>

    /// GetReading of the fixed moment (no AI), within `timeout`.
    func reading(within timeout: Duration = callTimeout) async throws {
        _ = try await oracle.getReading(.fixedMoment, options: Self.options(timeout))
    }

    /// GetQuestionSign of `question` with `seed`, within the call time limit.
    func questionSign(_ question: String, seed: Int) async throws {
        let request = Nps_Oracle_QuestionRequest.with {
            $0.question = question
            $0.seed = Int64(seed)
        }
        _ = try await oracle.getQuestionSign(request, options: Self.options(Self.callTimeout))
    }

    // A call limited to `timeout` that fails at once when there is no connection.
    private static func options(_ timeout: Duration) -> CallOptions {
        var options = CallOptions.defaults
        options.timeout = timeout
        options.waitForReady = false
        return options
    }
}
