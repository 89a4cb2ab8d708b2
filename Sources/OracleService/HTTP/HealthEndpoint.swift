import Hummingbird

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `GET /health` and `GET /health/ready` (readiness: the same question): 200 with the health report when healthy,
/// 503 when not.
struct HealthEndpoint: Sendable {
    /// The paths answered with the health report.
    static let paths: [RouterPath] = ["/health", "/health/ready"]

    /// Where the report comes from; reading it never waits on the database.
    let status: OracleStatus

    /// Adds the routes to `router`.
    func register(on router: Router<BasicRequestContext>) {
        for path in Self.paths {
            router.get(path) { _, _ in self.response() }
        }
    }

    /// The response for the current state.
    func response() -> Response {
        let report = status.report()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let body = (try? encoder.encode(report)) ?? Data(#"{"status":"unhealthy","service":"oracle"}"#.utf8)
        return Response(
            status: report.status == .unhealthy ? .serviceUnavailable : .ok,
            headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: body))
        )
    }
}
