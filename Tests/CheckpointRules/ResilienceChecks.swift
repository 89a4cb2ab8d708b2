import ProcessRunning
import StackHarness

/// The rules of the Resilience checkpoint (REL.*) on what the harness measured around a fault.
package enum ResilienceChecks {
    /// REL.kill: the engine restarted the killed Oracle (a new process, one more restart), /health answered 200, the
    /// engine called it healthy and a reading through the api succeeded, each within its limit of the kill.
    package static func killRecovery(_ recovery: KillRecovery) -> CheckOutcome {
        var points = RequirementPoints(Requirements.relKill.id)
        points.expect(
            recovery.pids.after != 0 && recovery.pids.after != recovery.pids.before,
            "no new process: PID \(recovery.pids.before) before, \(recovery.pids.after) after"
        )
        points.expect(
            recovery.restartCounts.after > recovery.restartCounts.before,
            "the engine did not restart it: restart count \(recovery.restartCounts.before) before, \(recovery.restartCounts.after) after"
        )
        expect(recovery.healthAnswer, within: Requirements.killHealthLimit, "the first /health 200", to: &points)
        expect(recovery.engineHealthy, within: Requirements.killEngineHealthyLimit, "engine-healthy", to: &points)
        expect(recovery.apiAnswer, within: Requirements.killAPILimit, "a reading through the api", to: &points)
        let moved = recovery.addresses.before == recovery.addresses.after ? "same address" : "moved"
        return points.outcome(
            summary: "PID \(recovery.pids.before) → \(recovery.pids.after), address \(recovery.addresses.before) → "
                + "\(recovery.addresses.after) (\(moved)); after the kill: /health 200 \(text(recovery.healthAnswer)), "
                + "engine-healthy \(text(recovery.engineHealthy)), api reading \(text(recovery.apiAnswer))"
        )
    }

    // One "within its limit of the kill" point; nil means it never came.
    private static func expect(_ duration: Duration?, within limit: Duration, _ what: String, to points: inout RequirementPoints) {
        guard let duration else {
            points.expect(false, "\(what) never came")
            return
        }
        points.expect(duration <= limit, "\(what) came \(duration.secondsText) after the kill, not ≤ \(limit.limitText)")
    }

    // A time after the kill, or "never".
    private static func text(_ duration: Duration?) -> String { duration?.secondsText ?? "never" }
}
