import Foundation
import ProcessRunning
import ServiceTesting
import TestPostgres
import Testing

/// `nps-oracle healthcheck`, the container's HEALTHCHECK: exit 0 only when `/health` on HEALTH_PORT answers 200.
@Suite("nps-oracle healthcheck")
struct HealthProbeTests {
    /// Runs `nps-oracle healthcheck` with HEALTH_PORT=`port`; returns the exit, how long it took and the process.
    private func probe(port: Int) async throws -> (ProcessExit, Duration, RunningProcess) {
        var environment = ChildEnvironment.base
        environment["HEALTH_PORT"] = "\(port)"
        let started = ContinuousClock.now
        let probe = try RunningProcess(
            Command(executable: RepositoryPaths.oracleBinary, arguments: ["healthcheck"], environment: environment, inheritsEnvironment: false)
        )
        let exit = try await probe.waitForExit(within: .seconds(10))
        return (exit, exit.at - started, probe)
    }

    @Test("healthcheck with HEALTH_PORT of a running, healthy binary exits 0")
    func healthyBinary() async throws {
        let oracle = try OracleProcess.againstTestDatabase()
        try await oracle.waitUntilReady()
        try await oracle.waitForMessage { $0 == "Connected to database" }
        #expect(await eventually(within: .seconds(5)) { (try? await oracle.health().status) == 200 }, "\(oracle.transcript)")

        let (exit, elapsed, probe) = try await probe(port: oracle.healthPort)
        #expect(exit.status == 0 && !exit.signalled, "healthcheck: \(exit)\n\(probe.transcript)\n--- oracle ---\n\(oracle.transcript)")
        #expect(probe.stdoutLines.joined().contains(#""status":"healthy""#), "prints the health body\n\(probe.transcript)")
        print("HealthProbeTests: healthcheck against a running binary took \(elapsed.wholeMilliseconds) ms")
        _ = try await oracle.terminate()
    }

    @Test("healthcheck with a HEALTH_PORT nobody listens on exits 1 quickly")
    func nobodyListening() async throws {
        let (exit, elapsed, probe) = try await probe(port: try unusedPort())
        #expect(exit.status == 1 && !exit.signalled, "healthcheck: \(exit)\n\(probe.transcript)")
        #expect(elapsed < .seconds(2), "failed within \(elapsed)\n\(probe.transcript)")
    }
}
