import Foundation
import ProcessRunning
import ServiceTesting
import TestPostgres
import Testing

/// `nps-oracle healthcheck`, the container's HEALTHCHECK: exit 0 only when `/health` on HEALTH_PORT answers 200;
/// `healthcheck live` asks `/health/live`, `healthcheck ready` `/health/ready`.
@Suite("nps-oracle healthcheck")
struct HealthProbeTests {
    /// Runs `nps-oracle healthcheck` followed by `probeName` with HEALTH_PORT=`port`; returns the exit, how long it took
    /// and the process.
    private func probe(port: Int, _ probeName: String? = nil) async throws -> (ProcessExit, Duration, RunningProcess) {
        var environment = ChildEnvironment.base
        environment["HEALTH_PORT"] = "\(port)"
        let started = ContinuousClock.now
        let probe = try RunningProcess(
            Command(
                executable: RepositoryPaths.oracleBinary,
                arguments: ["healthcheck"] + (probeName.map { [$0] } ?? []),
                environment: environment,
                inheritsEnvironment: false
            )
        )
        let exit = try await probe.waitForExit(within: .seconds(10))
        return (exit, exit.at - started, probe)
    }

    @Test("healthcheck with HEALTH_PORT of a running, healthy binary exits 0")
    func healthyBinary() async throws {
        let oracle = try await OracleProcess.againstTestDatabase()
        try await oracle.waitUntilReady()
        try await oracle.waitForMessage { $0 == "Connected to database" }
        #expect(await eventually(within: .seconds(5)) { (try? await oracle.health().status) == 200 }, "\(oracle.transcript)")

        let (exit, elapsed, probe) = try await probe(port: oracle.healthPort)
        #expect(exit.status == 0 && !exit.signalled, "healthcheck: \(exit)\n\(probe.transcript)\n--- oracle ---\n\(oracle.transcript)")
        #expect(probe.stdoutLines.joined().contains(#""status":"healthy""#), "prints the health body\n\(probe.transcript)")
        print("HealthProbeTests: healthcheck against a running binary took \(elapsed.wholeMilliseconds) ms")

        let (live, _, liveProbe) = try await self.probe(port: oracle.healthPort, "live")
        #expect(live.status == 0 && !live.signalled, "healthcheck live: \(live)\n\(liveProbe.transcript)")
        #expect(liveProbe.stdoutLines.joined().contains(#""status":"alive""#), "prints the liveness body\n\(liveProbe.transcript)")
        let (ready, _, readyProbe) = try await self.probe(port: oracle.healthPort, "ready")
        #expect(ready.status == 0 && !ready.signalled, "healthcheck ready: \(ready)\n\(readyProbe.transcript)")
        #expect(readyProbe.stdoutLines.joined().contains(#""status":"healthy""#), "prints the health body\n\(readyProbe.transcript)")
        _ = try await oracle.terminate()
    }

    @Test("with the database unreachable: healthcheck and healthcheck ready exit 1, healthcheck live exits 0")
    func databaseUnreachable() async throws {
        let oracle = try OracleProcess(databaseURL: "postgres://nps:secret-pw@127.0.0.1:1/nps?sslmode=disable")
        try await oracle.waitUntilReady()
        for (name, expected) in [(nil, 1), ("ready", 1), ("live", 0)] as [(String?, Int32)] {
            let (exit, _, probe) = try await probe(port: oracle.healthPort, name)
            #expect(exit.status == expected && !exit.signalled, "healthcheck \(name ?? ""): \(exit)\n\(probe.transcript)")
        }
        _ = try await oracle.terminate()
    }

    @Test("healthcheck with an unknown probe name exits 1 with one stderr line naming the accepted ones")
    func unknownProbeName() async throws {
        let (exit, _, probe) = try await probe(port: try unusedPort(), "alive")
        #expect(exit.status == 1 && !exit.signalled, "healthcheck alive: \(exit)\n\(probe.transcript)")
        #expect(probe.stderrLines == ["nps-oracle: unknown health probe 'alive'; accepted: live, ready, or none for the health check"])
        #expect(probe.stdoutLines.isEmpty, "\(probe.transcript)")
    }

    @Test("healthcheck with a HEALTH_PORT nobody listens on exits 1 quickly")
    func nobodyListening() async throws {
        let (exit, elapsed, probe) = try await probe(port: try unusedPort())
        #expect(exit.status == 1 && !exit.signalled, "healthcheck: \(exit)\n\(probe.transcript)")
        #expect(elapsed < .seconds(2), "failed within \(elapsed)\n\(probe.transcript)")
    }
}
