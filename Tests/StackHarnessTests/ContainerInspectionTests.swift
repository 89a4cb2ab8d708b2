import Foundation
import Testing

@testable import StackHarness

@Suite("docker inspect of a container")
struct ContainerInspectionTests {
    @Test("a running, healthy container")
    func healthy() throws {
        let inspection = try ContainerInspection.decode(EngineSample.data("container-inspect-healthy.json"))
        #expect(inspection.name == "harness-sample")
        #expect(inspection.state.status == "running")
        #expect(inspection.state.running)
        #expect(inspection.state.exitCode == 0)
        #expect(!inspection.state.oomKilled)
        #expect(inspection.state.finishedAt == nil)
        let started = try #require(inspection.state.startedAt)
        #expect(started == RFC3339Nano.date(from: "2026-11-29T04:01:38.610152096Z"))
        let health = try #require(inspection.state.health)
        #expect(health.status == "healthy")
        #expect(health.log.count == 2)
        #expect(health.log[0].exitCode == 0)
        #expect(health.log[0].end == RFC3339Nano.date(from: "2026-11-29T04:01:39.679566657Z"))
        #expect(inspection.hostConfig.nanoCpus == 500_000_000)
        #expect(inspection.hostConfig.memory == 134_217_728)
        #expect(inspection.hostConfig.restartPolicy?.name == "unless-stopped")
        #expect(inspection.config.user == "1000")
        #expect(inspection.config.image == "debian:bookworm-slim")
        #expect(inspection.config.environment["SAMPLE"] == "1")
        let check = try #require(inspection.config.healthcheck)
        #expect(check.test == ["CMD-SHELL", "true"])
        #expect(check.interval == .seconds(1))
        #expect(check.timeout == .seconds(2))
        #expect(check.startPeriod == .seconds(5))
        #expect(check.retries == 3)
        #expect(inspection.mounts.map(\.type) == ["bind"])
        #expect(inspection.mounts.first?.source == "/tmp")
        #expect(inspection.mounts.first?.destination == "/host-tmp")
        #expect(inspection.networks == ["bridge"])
        #expect(inspection.addresses == ["bridge": "172.17.0.3"])
        #expect(inspection.state.pid == 14680)
        #expect(inspection.ports["80/tcp"] == [ContainerInspection.PortBinding(hostIP: "127.0.0.1", hostPort: "18089")])
    }

    @Test("a stopped container keeps its exit code and finish time")
    func exited() throws {
        let inspection = try ContainerInspection.decode(EngineSample.data("container-inspect-exited.json"))
        #expect(inspection.state.status == "exited")
        #expect(!inspection.state.running)
        #expect(inspection.state.exitCode == 137)
        #expect(inspection.state.finishedAt == RFC3339Nano.date(from: "2026-11-29T04:01:42.720368236Z"))
    }

    @Test("the health assessment fails fast on an exited container")
    func assessment() throws {
        let healthy = try ContainerInspection.decode(EngineSample.data("container-inspect-healthy.json"))
        let exited = try ContainerInspection.decode(EngineSample.data("container-inspect-exited.json"))
        #expect(HealthAssessment(healthy, restarted: false) == .healthy)
        #expect(HealthAssessment(healthy, restarted: true) == .failed(.exited(container: "harness-sample", exitCode: 0, oomKilled: false)))
        guard case .failed(let failure) = HealthAssessment(exited, restarted: false) else {
            Issue.record("an exited container must fail the wait")
            return
        }
        #expect(failure.description == "harness-sample exited with code 137")
    }

    @Test("a healthy status whose last probe failed is not healthy yet")
    func failingProbe() throws {
        let inspection = try ContainerInspection.decode(EngineSample.data("container-inspect-failing-probe.json"))
        #expect(inspection.state.health?.status == "healthy")
        #expect(inspection.state.health?.failingStreak == 1)
        #expect(HealthAssessment(inspection, restarted: false) == .pending(status: "healthy, but its last 1 probe(s) failed"))
    }

    @Test("an unhealthy container fails a wait, but is waited on while it recovers from a fault")
    func unhealthyRecovering() throws {
        let text = String(decoding: try EngineSample.data("container-inspect-failing-probe.json"), as: UTF8.self)
        let unhealthy = try ContainerInspection.decode(
            Data(text.replacingOccurrences(of: #""Status": "healthy""#, with: #""Status": "unhealthy""#).utf8)
        )
        #expect(unhealthy.state.health?.status == "unhealthy")
        guard case .failed(.unhealthy) = HealthAssessment(unhealthy, restarted: false) else {
            Issue.record("an unhealthy container did not fail the wait")
            return
        }
        #expect(HealthAssessment(unhealthy, restarted: false, recovering: true) == .pending(status: "unhealthy until a probe passes"))
    }

    @Test("time to healthy comes from the first passing probe")
    func healthyMoment() throws {
        let inspection = try ContainerInspection.decode(EngineSample.data("container-inspect-healthy.json"))
        let moment = HealthWait.healthyMoment(of: inspection, observedAt: .distantFuture)
        let started = try #require(inspection.state.startedAt)
        #expect(abs(moment.timeIntervalSince(started) - 1.069414561) < 1e-6)
    }

    @Test("more than one container in the output is an error")
    func oneOnly() {
        #expect(throws: HarnessError.self) { try ContainerInspection.decode(Data("[]".utf8)) }
    }
}
