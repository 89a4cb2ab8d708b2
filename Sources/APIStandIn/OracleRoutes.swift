import AsyncHTTPClient
import GRPCCore
import HTTPTypes
import Hummingbird
import Logging
import OracleAPI
import OracleClient
import SwiftProtobuf

/// The api stand-in's routes: its own health and the Oracle calls the real api makes, passed through as JSON.
struct OracleRoutes: Sendable {
    /// `GET /api/health` answers within 2 s, so the Oracle's health check gets less than that.
    static let healthTimeout: Duration = .milliseconds(1500)
    /// Long enough for a reading whose interpretation the Oracle asks its AI for (its own AI timeout is 10 s).
    static let callTimeout: Duration = .seconds(15)
    /// Proto JSON with the proto's snake_case field names, as the real api returns them.
    static let protoJSON: JSONEncodingOptions = {
        var options = JSONEncodingOptions()
        options.preserveProtoFieldNames = true
        return options
    }()
    /// The header (`Idempotency-Key`, canonically lowercase) a client names a suggest-range call with, so that a
    /// retry is not stored twice, and the gRPC metadata key it is forwarded as.
    static let idempotencyKey = "idempotency-key"
    /// The largest request body accepted, in bytes: the Oracle's own request limit (`GRPC_MAX_REQUEST_BYTES`, 1 MiB by
    /// default), since the proto message of a JSON body is never larger than the body.
    static let maximumBodyBytes = 1 << 20
    /// The metadata key the Oracle names itself with on every answer (its `InstanceNameWriter`).
    static let instanceMetadataKey = "nps-oracle-instance"
    /// The response header that passes the Oracle's name on, so a client sees which replica answered.
    static let instanceHeader = HTTPField.Name("X-NPS-Oracle-Instance")!

    /// `GET /api/health` body.
    private struct HealthBody: Encodable {
        let status: String
        let service = "api"
        let oracle: String
        let reason: String?
    }

    /// `nps.oracle.OracleService` on the shared connection.
    let oracle: Nps_Oracle_OracleService.Client<OracleTransport>
    /// `grpc.health.v1.Health` on the same connection.
    let health: Grpc_Health_V1_Health.Client<OracleTransport>
    /// Client for the Oracle's HTTP health endpoint.
    let http: HTTPClient
    /// The Oracle's `/health` URL.
    let oracleHealthURL: String
    /// Where failed Oracle calls are reported.
    let logger: Logger

    /// Adds every route of `APIRoute` to `router`.
    func register(on router: Router<BasicRequestContext>) {
        for route in APIRoute.allCases {
            router.on(RouterPath(route.rawValue), method: route.method) { request, _ in await respond(to: route, request) }
        }
    }

    /// The answer to `request` on `route`; a query or body the api cannot use is refused before the Oracle is called.
    private func respond(to route: APIRoute, _ request: Request) async -> Response {
        do throws(RequestError) {
            switch route {
            case .health:
                return await apiHealth()
            case .live:
                return JSONResponse.text(#"{"service":"api","status":"alive"}"#)
            case .oracleHealth:
                return await oracleHTTPHealth()
            case .reading:
                let datetime = try QueryParameter.value("datetime", in: request.uri.query) ?? ""
                return await call("GetReading") { try await oracle.getReading(.with { $0.datetime = datetime }, options: options()) { $0 } }
            case .name:
                let name = try QueryParameter.value("name", in: request.uri.query) ?? ""
                return await call("GetNameReading") { try await oracle.getNameReading(.with { $0.name = name }, options: options()) { $0 } }
            case .suggestRange:
                let body = try await SuggestRangeBody.read(from: request.body, limit: Self.maximumBodyBytes)
                let metadata = Self.metadata(forwarding: request.headers)
                return await call("SuggestRange") { try await oracle.suggestRange(body.request, metadata: metadata, options: options()) { $0 } }
            }
        } catch {
            return error.response
        }
    }

    /// Healthy exactly when the Oracle's gRPC health check says SERVING.
    private func apiHealth() async -> Response {
        let answer: ClientResponse<Grpc_Health_V1_HealthCheckResponse>
        do {
            answer = try await health.check(.with { $0.service = "" }, options: options(timeout: Self.healthTimeout)) { $0 }
        } catch {
            return Self.unreachable(error)
        }
        switch answer.accepted.flatMap(\.message) {
        case .success(let message):
            let status = Self.name(of: message.status)
            guard message.status == .serving else {
                return Self.naming(
                    answer,
                    in: JSONResponse.encode(
                        HealthBody(status: "unhealthy", oracle: status, reason: "oracle reports \(status)"),
                        status: .serviceUnavailable
                    )
                )
            }
            return Self.naming(answer, in: JSONResponse.encode(HealthBody(status: "healthy", oracle: status, reason: nil)))
        case .failure(let error):
            return Self.naming(answer, in: Self.unreachable(error))
        }
    }

    /// `GET /api/health` when the Oracle's health check failed with `error`.
    private static func unreachable(_ error: any Error) -> Response {
        let reason = (error as? RPCError).map { "\($0.code): \($0.message)" } ?? "\(error)"
        return JSONResponse.encode(
            HealthBody(status: "unhealthy", oracle: "UNREACHABLE", reason: "oracle unavailable: \(reason)"),
            status: .serviceUnavailable
        )
    }

    /// The Oracle's HTTP `/health`, status and body as they came; this is the api's HTTP path to the Oracle.
    private func oracleHTTPHealth() async -> Response {
        do {
            let response = try await http.execute(HTTPClientRequest(url: oracleHealthURL), timeout: .seconds(2))
            let body = try await response.body.collect(upTo: 1 << 16)
            return Response(
                status: .init(code: Int(response.status.code)),
                headers: [.contentType: response.headers.first(name: "content-type") ?? "application/json"],
                body: .init(byteBuffer: body)
            )
        } catch {
            logger.warning("Oracle HTTP health unreachable", metadata: ["url": "\(oracleHealthURL)", "error": "\(error)"])
            return JSONResponse.error("oracle unavailable: \(error)", status: .serviceUnavailable)
        }
    }

    /// Runs one Oracle RPC, which hands over its whole response (`onResponse: { $0 }`) so that the Oracle's name can be
    /// read from its metadata, and answers with its message as proto JSON or with the mapped failure.
    private func call<Message: SwiftProtobuf.Message>(_ method: String, _ rpc: () async throws -> ClientResponse<Message>) async -> Response {
        let answer: ClientResponse<Message>
        do {
            answer = try await rpc()
        } catch {
            return failure(of: method, error)
        }
        switch answer.accepted.flatMap(\.message) {
        case .success(let message):
            do {
                return Self.naming(answer, in: JSONResponse.text(try message.jsonString(options: Self.protoJSON)))
            } catch {
                return Self.naming(answer, in: JSONResponse.error("oracle answer could not be encoded: \(error)", status: .internalServerError))
            }
        case .failure(let error):
            return Self.naming(answer, in: failure(of: method, error))
        }
    }

    /// The mapped response for `method` failing with `error`, logged as a warning when it is a 503, else at debug.
    private func failure(of method: String, _ error: any Error) -> Response {
        let response = OracleCallFailure.response(for: error)
        logger.log(
            level: response.status == .serviceUnavailable ? .warning : .debug,
            "Oracle call failed",
            metadata: ["method": "\(method)", "status": "\(response.status.code)", "error": "\(error)"]
        )
        return response
    }

    /// `response` with `X-NPS-Oracle-Instance` set to the name the Oracle answered `answer` with: in the initial
    /// metadata of an answer, with the status of a failed call.
    private static func naming(_ answer: ClientResponse<some Sendable>, in response: Response) -> Response {
        let names = Array(answer.metadata[stringValues: instanceMetadataKey]) + Array(answer.trailingMetadata[stringValues: instanceMetadataKey])
        guard let name = names.first else { return response }
        var response = response
        response.headers[instanceHeader] = name
        return response
    }

    /// Call options with a deadline; unset `waitForReady` makes calls fail fast while the Oracle is unreachable.
    private func options(timeout: Duration = Self.callTimeout) -> CallOptions {
        var options = CallOptions.defaults
        options.timeout = timeout
        return options
    }

    /// The call's metadata: each `Idempotency-Key` header value as it came; the Oracle judges whether they are valid.
    private static func metadata(forwarding headers: HTTPFields) -> Metadata {
        var metadata: Metadata = [:]
        for field in headers where field.name.canonicalName == idempotencyKey {
            metadata.addString(field.value, forKey: idempotencyKey)
        }
        return metadata
    }

    /// The `grpc.health.v1` name of `status`.
    private static func name(of status: Grpc_Health_V1_HealthCheckResponse.ServingStatus) -> String {
        switch status {
        case .serving: "SERVING"
        case .notServing: "NOT_SERVING"
        case .serviceUnknown: "SERVICE_UNKNOWN"
        case .unknown: "UNKNOWN"
        case .UNRECOGNIZED(let value): "UNRECOGNIZED(\(value))"
        }
    }
}
