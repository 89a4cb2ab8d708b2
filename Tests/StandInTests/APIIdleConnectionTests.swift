import OracleClient
import ServiceRuntime
import ServiceTesting
import Testing

@testable import APIStandIn

/// The api stand-in closes a connection that sends nothing, or never finishes a request, once its idle timeout passes
/// (for a slow body, counted from the request's head).
@Suite("api stand-in idle connections")
struct APIIdleConnectionTests {
    @Test("the default idle timeout is 30 s, within the 60 s allowed")
    func defaultTimeout() {
        #expect(APIConfiguration().idleTimeout == .seconds(30))
        #expect(Duration.httpIdleTimeout < .seconds(60))
    }

    @Test(
        "an idle connection is closed after the idle timeout: silent, half a request head, and after an answer",
        arguments: ["", "GET /api/health HTTP/1.1\r\nHost: api\r\n", "GET /api/nothing HTTP/1.1\r\nHost: api\r\n\r\n"]
    )
    func closesIdle(sending bytes: String) async throws {
        let oracle = OracleAddress(host: "127.0.0.1", port: try unusedPort())
        let application = try APIApplication.onLoopback(oracle: oracle, idleTimeout: .milliseconds(500))
        try await withRunning(application, until: { $0.port.value != nil }) { _ in
            let closed = try await timeUntilClosed(port: application.port.value ?? 0, sending: bytes, within: .seconds(10))
            let after = try #require(closed, "still open after 10 s")
            #expect(after >= .milliseconds(400) && after < .seconds(5), "closed after \(after)")
        }
    }

    @Test("a request whose body comes a byte every 100 ms is closed the idle timeout after its head, though each byte is news")
    func closesSlowBody() async throws {
        let oracle = OracleAddress(host: "127.0.0.1", port: try unusedPort())
        let application = try APIApplication.onLoopback(oracle: oracle, idleTimeout: .milliseconds(500))
        try await withRunning(application, until: { $0.port.value != nil }) { _ in
            let closed = try await timeUntilClosed(
                port: application.port.value ?? 0,
                sending: "POST /api/oracle/suggest-range HTTP/1.1\r\nHost: api\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n",
                trickle: UInt8(ascii: " "),
                within: .seconds(10)
            )
            let after = try #require(closed, "still open after 10 s")
            #expect(after >= .milliseconds(400) && after < .seconds(5), "closed after \(after)")
        }
    }
}
