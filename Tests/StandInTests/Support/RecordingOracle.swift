import GRPCCore
import GRPCNIOTransportHTTP2
import OracleAPI
import Synchronization

/// An in-process Oracle that only answers SuggestRange: it keeps the metadata of every call and answers with a fixed
/// range, or fails with `failure` when one is given; what the api forwards and how it maps a status can be seen.
final class RecordingOracle: Nps_Oracle_OracleService.ServiceProtocol {
    /// The error every SuggestRange fails with; nil answers with a range.
    let failure: RPCError?
    /// The metadata of each SuggestRange call, in order.
    private let calls = Mutex<[Metadata]>([])

    /// An Oracle that fails every SuggestRange with `failure`, or answers when it is nil.
    init(failing failure: RPCError? = nil) {
        self.failure = failure
    }

    /// The metadata each SuggestRange call carried so far.
    var metadata: [Metadata] { calls.withLock { $0 } }

    /// Runs this Oracle on a free loopback port and calls `body` with the port.
    func serve<T: Sendable>(_ body: (Int) async throws -> T) async throws -> T {
        try await withGRPCServer(
            transport: .http2NIOPosix(address: .ipv4(host: "127.0.0.1", port: 0), transportSecurity: .plaintext),
            services: [self]
        ) { server in
            let port = try await server.listeningAddress?.ipv4?.port ?? 0
            return try await body(port)
        }
    }

    /// Records the call's metadata, then answers or fails.
    func suggestRange(
        request: ServerRequest<Nps_Oracle_RangeRequest>,
        context: ServerContext
    ) async throws -> ServerResponse<Nps_Oracle_RangeResponse> {
        calls.withLock { $0.append(request.metadata) }
        if let failure { throw failure }
        return ServerResponse(
            message: .with {
                $0.rangeStart = "0x1"
                $0.rangeEnd = "0x2"
                $0.strategy = "random"
            }
        )
    }

    /// Not served here.
    func getReading(
        request: ServerRequest<Nps_Oracle_ReadingRequest>,
        context: ServerContext
    ) async throws -> ServerResponse<Nps_Oracle_ReadingResponse> { throw Self.unimplemented }

    /// Not served here.
    func getNameReading(
        request: ServerRequest<Nps_Oracle_NameRequest>,
        context: ServerContext
    ) async throws -> ServerResponse<Nps_Oracle_NameResponse> { throw Self.unimplemented }

    /// Not served here.
    func getQuestionSign(
        request: ServerRequest<Nps_Oracle_QuestionRequest>,
        context: ServerContext
    ) async throws -> ServerResponse<Nps_Oracle_QuestionResponse> { throw Self.unimplemented }

    /// Not served here.
    func getDailyInsight(
        request: ServerRequest<Nps_Oracle_DateRequest>,
        context: ServerContext
    ) async throws -> ServerResponse<Nps_Oracle_DailyResponse> { throw Self.unimplemented }

    /// Not served here.
    func analyzeSession(
        request: ServerRequest<Nps_Oracle_SessionData>,
        context: ServerContext
    ) async throws -> ServerResponse<Nps_Oracle_AnalysisResponse> { throw Self.unimplemented }

    /// Not served here.
    func getTimingAlignment(
        request: ServerRequest<Nps_Oracle_TimingRequest>,
        context: ServerContext
    ) async throws -> ServerResponse<Nps_Oracle_TimingResponse> { throw Self.unimplemented }

    /// Not served here.
    func healthCheck(
        request: ServerRequest<Nps_Oracle_Empty>,
        context: ServerContext
    ) async throws -> ServerResponse<Nps_Oracle_HealthResponse> { throw Self.unimplemented }

    /// What the RPCs this Oracle does not serve answer.
    private static var unimplemented: RPCError { RPCError(code: .unimplemented, message: "not served by the recording Oracle") }
}
