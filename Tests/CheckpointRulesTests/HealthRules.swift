import CheckpointRules
import Foundation
import StackHarness
import Testing

/// CP4's rules on /health answers and on container inspections captured from a real engine.
@Suite("Health rules (CP4) on /health answers and captured inspections")
struct HealthRules {
    /// The Oracle's /health body as the stack serves it.
    static let healthyBody =
        #"{"status":"healthy","service":"oracle","version":"1.0.0","checks":{"database":"connected","grpc":"serving","ai":"not_configured"}}"#

    private func reply(_ status: Int, _ body: String, after elapsed: Duration = .milliseconds(12)) -> HTTPReply {
        HTTPReply(request: "GET http://127.0.0.1:8052/health", status: status, body: Data(body.utf8), elapsed: elapsed)
    }

    @Test("CP4.endpoint holds for a healthy 200 answered within the limit")
    func healthyAnswer() {
        let outcome = HealthChecks.healthyAnswer(reply(200, Self.healthyBody))
        #expect(outcome.passed, "\(outcome.reason)")
        #expect(outcome.id == Requirements.cp4Endpoint.id)
    }

    @Test("CP4.endpoint fails for the same answer at the limit, and names the limit")
    func slowAnswer() {
        let outcome = HealthChecks.healthyAnswer(reply(200, Self.healthyBody, after: Requirements.healthAnswerLimit))
        #expect(!outcome.passed)
        #expect(outcome.reason.contains("not < \(Requirements.healthAnswerLimit.limitText)"), "\(outcome.reason)")
    }

    @Test("CP4.endpoint fails for an answer without the AI check, naming it")
    func missingCheck() {
        let body = #"{"status":"healthy","service":"oracle","checks":{"database":"connected","grpc":"serving"}}"#
        let outcome = HealthChecks.healthyAnswer(reply(200, body))
        #expect(!outcome.passed)
        #expect(outcome.reason == "checks.ai is missing")
    }

    @Test("CP4.endpoint without the database: 503 unhealthy in time holds; a late or healthy answer fails")
    func unreachableDatabase() {
        let down = #"{"status":"unhealthy","service":"oracle","checks":{"database":"unreachable","grpc":"serving","ai":"not_configured"}}"#
        #expect(HealthChecks.unreachableDatabaseAnswer(reply(503, down), after: .seconds(1)).passed)
        let late = HealthChecks.unreachableDatabaseAnswer(reply(503, down), after: Requirements.unreachableDatabaseLimit + .seconds(1))
        #expect(!late.passed && late.reason.contains("to turn 503"), "\(late.reason)")
        let stillHealthy = HealthChecks.unreachableDatabaseAnswer(reply(200, Self.healthyBody), after: .seconds(1))
        #expect(!stillHealthy.passed && stillHealthy.reason.contains("not 503"), "\(stillHealthy.reason)")
        let none = HealthChecks.unreachableDatabaseAnswer(nil, after: .seconds(60))
        #expect(!none.passed && none.reason.contains("no answer from /health"), "\(none.reason)")
    }

    @Test("CP4.services (engine) fails for a container the engine calls healthy whose last probe failed")
    func failingLastProbe() throws {
        let inspection = try ContainerInspection.decode(EngineSample.data("container-inspect-failing-probe.json"))
        #expect(inspection.state.health?.status == "healthy")
        let all = Dictionary(uniqueKeysWithValues: StackServices.all.map { ($0, inspection) })
        let outcome = HealthChecks.engineHealth(all)
        #expect(!outcome.passed)
        #expect(outcome.reason.contains("harness-sample's last probe exited 1"), "\(outcome.reason)")
    }

    @Test("CP4.services (engine) names a service that has no container")
    func missingContainer() throws {
        let inspection = try ContainerInspection.decode(EngineSample.data("container-inspect-healthy.json"))
        let outcome = HealthChecks.engineHealth(["postgres": inspection])
        #expect(!outcome.passed)
        #expect(outcome.reason.contains("oracle has no container"), "\(outcome.reason)")
    }

    @Test("CP4.status holds only for healthy")
    func oracleStatus() {
        #expect(HealthChecks.oracleStatus("healthy\n").passed)
        let starting = HealthChecks.oracleStatus("starting\n")
        #expect(!starting.passed && starting.reason == "nps-oracle health status is starting, not healthy")
    }
}
