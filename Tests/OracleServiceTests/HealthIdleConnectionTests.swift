import ServiceLifecycle
import ServiceRuntime
import ServiceTesting
import Testing

@testable import OracleService

/// The Oracle's HTTP health listener closes a connection that sends nothing, or never finishes a request, once its idle
/// timeout passes (30 s in service; half a second here), counted for a slow body from the request's head.
@Suite("Oracle health listener idle connections")
struct HealthIdleConnectionTests {
    @Test(
        "an idle connection to the health listener is closed after the idle timeout: silent, half a request head, and after an answer",
        arguments: ["", "GET /health HTTP/1.1\r\nHost: oracle\r\n", "GET /health HTTP/1.1\r\nHost: oracle\r\n\r\n"]
    )
    func closesIdle(sending bytes: String) async throws {
        try await Self.expectClosedAfterIdleTimeout { port in
            try await timeUntilClosed(port: port, sending: bytes, within: .seconds(10))
        }
    }

    @Test("a request whose body comes a byte every 100 ms is closed the idle timeout after its head, though each byte is news")
    func closesSlowBody() async throws {
        try await Self.expectClosedAfterIdleTimeout { port in
            try await timeUntilClosed(
                port: port,
                sending: "POST /health HTTP/1.1\r\nHost: oracle\r\nContent-Length: 100000\r\n\r\n",
                trickle: UInt8(ascii: " "),
                within: .seconds(10)
            )
        }
    }

    /// Runs a health listener with a 500 ms idle timeout and expects `connect` (given its port) to see the
    /// connection closed after 0.4 to 5 s.
    private static func expectClosedAfterIdleTimeout(_ connect: (Int) async throws -> Duration?) async throws {
        let status = OracleStatus(aiConfigured: false, backlog: { WriteBacklog(pending: 0, setAside: 0) })
        let logger = CapturedLogs().logger(level: .debug)
        let service = HealthHTTPService(host: "127.0.0.1", port: 0, status: status, logger: logger, idleTimeout: .milliseconds(500))
        let group = ServiceGroup(services: [service], logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            #expect(await eventually(within: .seconds(5)) { status.healthPort != nil })
            let closed = try await connect(status.healthPort ?? 0)
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
            let after = try #require(closed, "still open after 10 s")
            #expect(after >= .milliseconds(400) && after < .seconds(5), "closed after \(after)")
        }
    }
}
