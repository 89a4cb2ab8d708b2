import GRPCCore
import GRPCNIOTransportHTTP2
import OracleAPI
import Synchronization

/// An in-process Oracle that only answers SuggestRange and GetReading: it keeps the metadata of every SuggestRange
/// call and counts the GetReading calls, and answers with a fixed range and an empty reading, or fails both with
/// `failure` when one is given; what the api forwards, how it maps a status, and how a client spreads its calls over
/// several of these and retries them can be seen.
final class RecordingOracle: Nps_Oracle_OracleService.ServiceProtocol {
    /// The error every SuggestRange and GetReading fails with; nil answers them.
    let failure: RPCError?
    /// The metadata of each SuggestRange call, in order.
    private let calls = Mutex<[Metadata]>([])
    /// How many GetReading calls came.
    private let readingCalls = Mutex(0)

    /// An Oracle that fails every SuggestRange and GetReading with `failure`, or answers when it is nil.
    init(failing failure: RPCError? = nil) {
        self.failure = failure
    }

    /// The metadata each SuggestRange call carried so far.
    var metadata: [Metadata] { calls.withLock { $0 } }
    /// How many GetReading calls came so far.
    var readings: Int { readingCalls.withLock { $0 } }

    /// Runs this Oracle on a free loopback port and calls `body` with the port and the server, which `body` may stop.
    func serve<T: Sendable>(_ body: (Int, GRPCServer<HTTP2ServerTransport.Posix>) async throws -> T) async throws -> T {
        try await withGRPCServer(
            transport: .http2NIOPosix(address: .ipv4(host: "127.0.0.1", port: 0), transportSecurity: .plaintext),
            services: [self]
        ) { server in
            let port = try await server.listeningAddress?.ipv4?.port ?? 0
            return try await body(port, server)
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

    /// Counts the call, then answers with an empty reading or fails.
    func getReading(
        request: ServerRequest<Nps_Oracle_ReadingRequest>,
        context: ServerContext
    ) async throws -> ServerResponse<Nps_Oracle_ReadingResponse> {
        readingCalls.withLock { $0 += 1 }
        if let failure { throw failure }
        return ServerResponse(message: Nps_Oracle_ReadingResponse())
    }

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
