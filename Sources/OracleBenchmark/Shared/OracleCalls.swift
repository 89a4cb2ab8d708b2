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

    /// SuggestRange (puzzle 66, nothing scanned, no AI) or AnalyzeSession (fixed numbers, `key` as its session_id)
    /// with the gRPC metadata `idempotency-key: key`, within `timeout`: the Oracle stores its rows under `key`.
    func write(_ kind: WriteKind, key: String, within timeout: Duration) async throws {
        var metadata = Metadata()
        metadata.addString(key, forKey: "idempotency-key")
        switch kind {
        case .suggestRange:
            let request = Nps_Oracle_RangeRequest.with { $0.puzzleNumber = 66 }
            _ = try await oracle.suggestRange(request, metadata: metadata, options: Self.options(timeout))
        case .analyzeSession:
            let request = Nps_Oracle_SessionData.with {
                $0.sessionID = key
                $0.keysTested = 1_000_000
                $0.seedsTested = 10
                $0.speed = 5000
                $0.elapsed = 200
                $0.mode = "random"
                $0.model = "none"
            }
            _ = try await oracle.analyzeSession(request, metadata: metadata, options: Self.options(timeout))
        }
    }

    // A call limited to `timeout` that fails at once when there is no connection.
    private static func options(_ timeout: Duration) -> CallOptions {
        var options = CallOptions.defaults
        options.timeout = timeout
        options.waitForReady = false
        return options
    }
}
