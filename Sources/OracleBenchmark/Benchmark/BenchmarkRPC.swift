import GRPCCore
import GRPCNIOTransportHTTP2
import OracleAPI

/// The unary RPCs the benchmark measures one by one: every read-only Oracle RPC, and the gRPC health check as the
/// baseline — an RPC with next to nothing to do, served by the same server, transport and interceptors.
enum BenchmarkRPC: String, CaseIterable, Sendable {
    /// `grpc.health.v1.Health/Check` for the Oracle's service: what a call costs before any Oracle work.
    case emptyBaseline = "health_check"
    /// GetReading of the fixed moment.
    case reading = "get_reading"
    /// GetNameReading of a fixed name.
    case nameReading = "get_name_reading"
    /// GetQuestionSign of a fixed question and seed.
    case questionSign = "get_question_sign"
    /// GetDailyInsight of a fixed date.
    case dailyInsight = "get_daily_insight"

    /// How the figures name it.
    var label: String {
        switch self {
        case .emptyBaseline: "empty RPC (health Check)"
        case .reading: "GetReading"
        case .nameReading: "GetNameReading"
        case .questionSign: "GetQuestionSign"
        case .dailyInsight: "GetDailyInsight"
        }
    }

    /// One call on `client`, within the call time limit; throws what the call threw.
    func call(on client: GRPCClient<HTTP2ClientTransport.Posix>) async throws {
        var options = CallOptions.defaults
        options.timeout = OracleCalls.callTimeout
        switch self {
        case .emptyBaseline:
            let request = Grpc_Health_V1_HealthCheckRequest.with { $0.service = "nps.oracle.OracleService" }
            _ = try await Grpc_Health_V1_Health.Client(wrapping: client).check(request, options: options)
        case .reading:
            _ = try await Nps_Oracle_OracleService.Client(wrapping: client).getReading(.fixedMoment, options: options)
        case .nameReading:
            let request = Nps_Oracle_NameRequest.with { $0.name = "Satoshi Nakamoto" }
            _ = try await Nps_Oracle_OracleService.Client(wrapping: client).getNameReading(request, options: options)
        case .questionSign:
            let request = Nps_Oracle_QuestionRequest.with {
                $0.question = "Will the puzzle be solved this year?"
                $0.seed = 66
            }
            _ = try await Nps_Oracle_OracleService.Client(wrapping: client).getQuestionSign(request, options: options)
        case .dailyInsight:
            let request = Nps_Oracle_DateRequest.with { $0.date = "2026-02-06" }
            _ = try await Nps_Oracle_OracleService.Client(wrapping: client).getDailyInsight(request, options: options)
        }
    }
}
