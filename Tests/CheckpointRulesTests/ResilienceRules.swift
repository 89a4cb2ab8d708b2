import CheckpointRules
import Testing

/// REL.kill's rule on what a kill and its recovery can look like.
@Suite("Resilience rules (REL.kill) on recoveries")
struct ResilienceRules {
    private func recovery(
        pids: (Int, Int) = (4101, 5230),
        restarts: (Int, Int) = (0, 1),
        health: Duration? = .milliseconds(900),
        healthy: Duration? = .seconds(11),
        api: Duration? = .seconds(2)
    ) -> KillRecovery {
        KillRecovery(
            pids: pids,
            restartCounts: restarts,
            addresses: ("172.26.0.3", "172.26.0.7"),
            healthAnswer: health,
            engineHealthy: healthy,
            apiAnswer: api
        )
    }

    @Test("REL.kill holds for a restart with a new PID whose /health, engine health and api answer come in time")
    func holds() {
        let outcome = ResilienceChecks.killRecovery(recovery())
        #expect(outcome.passed, "\(outcome.reason)")
        #expect(outcome.id == Requirements.relKill.id)
        #expect(outcome.measured.contains("172.26.0.3 → 172.26.0.7 (moved)"), "\(outcome.measured)")
    }

    @Test("REL.kill fails naming an api that never reaches the restarted Oracle")
    func apiNeverBack() {
        let outcome = ResilienceChecks.killRecovery(recovery(api: nil))
        #expect(!outcome.passed)
        #expect(outcome.reason == "a reading through the api never came")
    }

    @Test("REL.kill fails at each limit, naming it")
    func lateRecovery() {
        let late = ResilienceChecks.killRecovery(
            recovery(health: Requirements.killHealthLimit + .milliseconds(1), api: Requirements.killAPILimit + .seconds(1))
        )
        #expect(!late.passed)
        #expect(late.reason.contains("the first /health 200 came 5.001 s after the kill, not ≤ 5 s"), "\(late.reason)")
        #expect(late.reason.contains("a reading through the api came 16.000 s after the kill, not ≤ 15 s"), "\(late.reason)")
    }

    @Test("REL.kill fails when the engine did not restart the container (a manual stop, or no restart policy)")
    func notRestarted() {
        let outcome = ResilienceChecks.killRecovery(recovery(pids: (4101, 0), restarts: (0, 0), health: nil, healthy: nil, api: nil))
        #expect(!outcome.passed)
        #expect(outcome.reason.hasPrefix("no new process: PID 4101 before, 0 after; the engine did not restart it"), "\(outcome.reason)")
    }
}
