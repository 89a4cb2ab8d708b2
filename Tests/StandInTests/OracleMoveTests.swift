import Foundation
import ServiceRuntime
import ServiceTesting
import Testing

@testable import APIStandIn
@testable import OracleClient

/// The api stand-in in-process, following an Oracle that is killed and comes back at another address (issue 8), or
/// restarts at the same one.
@Suite("Oracle moves")
struct OracleMoveTests {
    @Test("the api reaches the Oracle again within 10 s after it was killed and its name moved to a new address")
    func followsMovedOracle() async throws {
        let first = try await TestOracle.start()
        // What the name `oracle` resolves to, as the engine's DNS answers it: the Oracle serving now. Each test Oracle
        // takes a free port, so the answer moves by port on 127.0.0.1 where a container moves by IP on one port.
        let serving = ListeningPort()
        serving.set(first.grpcPort)
        var oracle = OracleAddress(host: "oracle", port: 50052)
        oracle.lookup = HostLookup { _, _ in [.ipv4(host: "127.0.0.1", port: serving.value ?? 0)] }
        let application = try APIApplication.onLoopback(oracle: oracle)

        try await withRunning(application, until: { $0.port.value != nil }) { _ in
            let port = application.port.value ?? 0
            let before = try await HTTPCall.send(port: port, "/api/health")
            #expect(before.status == 200, "\(before.text)")

            // SIGKILL, as REL.kill does to the container: no GOAWAY, the connection just drops.
            _ = try await first.process.stop(signal: SIGKILL)
            let down = try await HTTPCall.send(port: port, "/api/health")
            #expect(down.status == 503, "\(down.text)")

            let second = try await TestOracle.start()
            serving.set(second.grpcPort)
            let moved = ContinuousClock.now
            var health = try await HTTPCall.send(port: port, "/api/health")
            while health.status != 200, ContinuousClock.now - moved < .seconds(10) {
                try await Task.sleep(for: .milliseconds(200))
                health = try await HTTPCall.send(port: port, "/api/health")
            }
            #expect(health.status == 200, "still unhealthy \(ContinuousClock.now - moved) after the move: \(health.text)")
            let reading = try await HTTPCall.send(port: port, "/api/oracle/reading?datetime=2026-02-06T01:15:00%2B08:00")
            #expect(reading.status == 200, "\(reading.text)")
            try await second.stop()
        }
    }

    @Test("the api reaches the Oracle again within 10 s after it stopped gracefully and came back at the same address")
    func followsRestartAtSameAddress() async throws {
        let first = try await TestOracle.start()
        let application = try APIApplication.onLoopback(oracle: OracleAddress(host: "127.0.0.1", port: first.grpcPort))

        try await withRunning(application, until: { $0.port.value != nil }) { _ in
            let port = application.port.value ?? 0
            let before = try await HTTPCall.send(port: port, "/api/health")
            #expect(before.status == 200, "\(before.text)")

            // SIGTERM: the Oracle's GOAWAY makes the balancer drop the address, which only a lookup gives back.
            try await first.stop()
            let down = try await HTTPCall.send(port: port, "/api/health")
            #expect(down.status == 503, "\(down.text)")

            let second = try await TestOracle.start(grpcPort: first.grpcPort)
            let restarted = ContinuousClock.now
            var health = try await HTTPCall.send(port: port, "/api/health")
            while health.status != 200, ContinuousClock.now - restarted < .seconds(10) {
                try await Task.sleep(for: .milliseconds(200))
                health = try await HTTPCall.send(port: port, "/api/health")
            }
            #expect(health.status == 200, "still unhealthy \(ContinuousClock.now - restarted) after the restart: \(health.text)")
            try await second.stop()
        }
    }
}
