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
        expect(recovery.scannerLinkUp, within: Requirements.killAPILimit, "the scanner's link to the Oracle up again", to: &points)
        let moved = recovery.addresses.before == recovery.addresses.after ? "same address" : "moved"
        return points.outcome(
            summary: "PID \(recovery.pids.before) → \(recovery.pids.after), address \(recovery.addresses.before) → "
                + "\(recovery.addresses.after) (\(moved)); after the kill: /health 200 \(text(recovery.healthAnswer)), "
                + "engine-healthy \(text(recovery.engineHealthy)), api reading \(text(recovery.apiAnswer)), "
                + "scanner link up \(text(recovery.scannerLinkUp))"
        )
    }

    // One "within its limit of the kill" point; nil means it never came.
    private static func expect(_ duration: Duration?, within limit: Duration, _ what: String, to points: inout RequirementPoints) {
        guard let duration else {
            points.expect(false, "\(what) never came")
            return
        }
        points.expect(duration <= limit, "\(what) came \(duration.secondsText) after the fault, not ≤ \(limit.limitText)")
    }

    // A time after the fault, or "never".
    private static func text(_ duration: Duration?) -> String { duration?.secondsText ?? "never" }

    /// REL.dbcrash: /health turned 503 soon after the database was killed, 200 soon after it was healthy again, and
    /// no reading failed meanwhile.
    package static func databaseCrash(_ recovery: DatabaseCrashRecovery) -> CheckOutcome {
        var points = RequirementPoints(Requirements.relDBCrash.id)
        points.expect(recovery.restarted, "the engine did not restart the killed database")
        expect(recovery.unhealthy, within: Requirements.dbCrashUnhealthyLimit, "the first /health 503", to: &points)
        if let healthy = recovery.healthyAgain {
            points.expect(
                healthy <= Requirements.dbCrashHealthyLimit,
                "/health 200 came \(healthy.secondsText) after the database was healthy, not ≤ \(Requirements.dbCrashHealthyLimit.limitText)"
            )
        } else {
            points.expect(false, "/health never answered 200 again")
        }
        expect(recovery.readings, to: &points)
        return points.outcome(
            summary: "/health 503 \(text(recovery.unhealthy)) after the kill, 200 \(text(recovery.healthyAgain)) after the database was "
                + "healthy; \(recovery.readings)"
        )
    }

    /// REL.dbhang: while the database answered nothing, every /health answer came in time and said 503 once the
    /// probe noticed, and no reading failed.
    package static func databaseHang(polls: [HealthPoll], readings: ReadingsUnderFault) -> CheckOutcome {
        var points = RequirementPoints(Requirements.relDBHang.id)
        points.expect(!polls.isEmpty, "/health was not asked while the database was paused")
        let unanswered = polls.filter { $0.status == nil }
        points.expect(unanswered.isEmpty, "\(unanswered.count) of \(polls.count) /health requests got no answer")
        let slowest = polls.map(\.elapsed).max() ?? .zero
        points.expect(
            slowest < Requirements.healthAnswerLimit,
            "the slowest /health answer took \(slowest.secondsText), not < \(Requirements.healthAnswerLimit.limitText)"
        )
        let unhealthy = polls.filter { $0.status == 503 }.count
        points.expect(unhealthy > 0, "/health never said 503 while the database answered nothing")
        expect(readings, to: &points)
        return points.outcome(
            summary: "\(polls.count) /health answers, slowest \(slowest.secondsText), \(unhealthy) of them 503; \(readings)"
        )
    }

    /// REL.reboot: after all five containers were restarted at once, health-check.sh passed and a reading through the
    /// web-ui succeeded, each within the limit.
    package static func reboot(healthCheckPassed: Duration?, webReading: Duration?) -> CheckOutcome {
        var points = RequirementPoints(Requirements.relReboot.id)
        expect(healthCheckPassed, within: Requirements.rebootLimit, "health-check.sh exiting 0", to: &points)
        expect(webReading, within: Requirements.rebootLimit, "a reading through the web-ui", to: &points)
        return points.outcome(
            summary: "health-check.sh exit 0 \(text(healthCheckPassed)) and a reading through the web-ui \(text(webReading)) after the restart"
        )
    }

    /// REL.diskfull: with the log file's disk full, the Oracle served every call and stayed healthy, said so once on
    /// stderr, kept every line on stdout, and left no partial line in the file.
    package static func diskFull(_ run: DiskFullRun) -> CheckOutcome {
        var points = RequirementPoints(Requirements.relDiskFull.id)
        points.expect(run.calls.errors == 0 && run.calls.ok > 0, "calls failed: \(run.calls)")
        points.expect(run.healthStatus == 200, "/health answered \(run.healthStatus.map(String.init) ?? "nothing"), not 200")
        points.expect(run.restarts == 0, "the Oracle was restarted \(run.restarts) times")
        points.expect(run.fileFull, "the log file's disk never filled, so nothing was tested")
        points.expect(run.failureReports == 1, "the full disk was reported \(run.failureReports) times on stderr, not once")
        points.expect(run.stdoutCallLines >= run.calls.ok, "stdout has \(run.stdoutCallLines) of the \(run.calls.ok) calls' log lines")
        points.expect(run.fileEndsWithNewline, "the log file ends in a partial line")
        points.expect(run.unreadableFileLines == 0, "\(run.unreadableFileLines) lines of the log file are not JSON objects")
        return points.outcome(
            summary: "\(run.calls.ok) calls served with the log disk full, /health \(run.healthStatus ?? 0), one stderr report, "
                + "\(run.stdoutCallLines) call lines on stdout, the file's \(run.fileLines) lines whole"
        )
    }

    /// REL.aidown: with a key set and the AI host out of reach, every reading was answered, the slowest percentile
    /// within the limit.
    package static func aiDown(host: String, readings: OracleLoadReadings) -> CheckOutcome {
        var points = RequirementPoints(Requirements.relAIDown.id)
        points.expect(
            readings.errors == 0 && readings.ok > 0,
            "\(readings.errors) of \(readings.count) readings failed: \(readings.firstError ?? "")"
        )
        let p99 = Duration.milliseconds(readings.p99Milliseconds)
        points.expect(p99 <= Requirements.aiDownP99Limit, "p99 \(p99.secondsText), not ≤ \(Requirements.aiDownP99Limit.limitText)")
        return points.outcome(
            summary: "\(host): \(readings.ok)/\(readings.count) readings OK, p50 \(readings.p50Milliseconds.compactText) ms, p99 "
                + "\(readings.p99Milliseconds.compactText) ms, slowest \(readings.maxMilliseconds.compactText) ms"
        )
    }

    // "No reading failed" as one point.
    private static func expect(_ readings: ReadingsUnderFault, to points: inout RequirementPoints) {
        points.expect(readings.ok > 0, "no reading was made during the fault")
        points.expect(readings.errors == 0, "\(readings.errors) readings failed: \(readings.firstError ?? "")")
    }
}
