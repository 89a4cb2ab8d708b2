import Hummingbird

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `GET /health/live`: 200 whenever the process and its event loops answer, whatever the database does.
///
/// It reads nothing but the clock: an orchestrator replaces a task that fails its liveness probe, and a database
/// outage must not make it replace every Oracle; a hung process simply does not answer, which the probe's timeout
/// turns into a failure.
struct LivenessEndpoint: Sendable {
    /// The body: `{"service":"oracle","status":"alive","uptime_seconds":N}`.
    private struct Body: Encodable {
        let status = "alive"
        let service = "oracle"
        let uptimeSeconds: Int64

        /// The keys, snake_case as in `/health`.
        enum CodingKeys: String, CodingKey {
            case status, service
            case uptimeSeconds = "uptime_seconds"
        }
    }

    /// When the service started, for uptime.
    let startedAt: ContinuousClock.Instant

    /// Adds the route to `router`.
    func register(on router: Router<BasicRequestContext>) {
        router.get("/health/live") { _, _ in self.response() }
    }

    /// The response: always 200.
    func response() -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let uptime = (ContinuousClock.now - startedAt).components.seconds
        let body = (try? encoder.encode(Body(uptimeSeconds: uptime))) ?? Data(#"{"service":"oracle","status":"alive"}"#.utf8)
        return Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}
