import CheckpointRules
import Foundation
import Testing

/// REL.kill's rule on what a kill and its recovery can look like.
@Suite("Resilience rules (REL.*) on recoveries")
struct ResilienceRules {
    private func recovery(
        pids: (Int, Int) = (4101, 5230),
        restarts: (Int, Int) = (0, 1),
        health: Duration? = .milliseconds(900),
        healthy: Duration? = .seconds(11),
        api: Duration? = .seconds(2),
        scanner: Duration? = .seconds(3)
    ) -> KillRecovery {
        KillRecovery(
            pids: pids,
            restartCounts: restarts,
            addresses: ("172.26.0.3", "172.26.0.7"),
            healthAnswer: health,
            engineHealthy: healthy,
            apiAnswer: api,
            scannerLinkUp: scanner
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
        #expect(late.reason.contains("the first /health 200 came 5.001 s after the fault, not ≤ 5 s"), "\(late.reason)")
        #expect(late.reason.contains("a reading through the api came 16.000 s after the fault, not ≤ 15 s"), "\(late.reason)")
    }

    @Test("REL.kill fails when the engine did not restart the container (a manual stop, or no restart policy)")
    func notRestarted() {
        let outcome = ResilienceChecks.killRecovery(recovery(pids: (4101, 0), restarts: (0, 0), health: nil, healthy: nil, api: nil, scanner: nil))
        #expect(!outcome.passed)
        #expect(outcome.reason.hasPrefix("no new process: PID 4101 before, 0 after; the engine did not restart it"), "\(outcome.reason)")
    }

    @Test("REL.kill fails when the scanner never logs its link to the Oracle up again")
    func scannerNeverBack() {
        let outcome = ResilienceChecks.killRecovery(recovery(scanner: nil))
        #expect(!outcome.passed && outcome.reason == "the scanner's link to the Oracle up again never came", "\(outcome.reason)")
    }

    /// GetReading rounds with `errors` failures.
    private func readings(errors: Int = 0) throws -> ReadingsUnderFault {
        var total = ReadingsUnderFault()
        let json =
            #"{"count":200,"ok":\#(200 - errors),"errors":\#(errors),"concurrency":2,"wall_seconds":0.3,"p50_ms":1,"p99_ms":3,"max_ms":9,"#
            + #""first_error":\#(errors > 0 ? #""UNAVAILABLE: no connection""# : "null")}"#
        total.add(try JSONDecoder().decode(OracleLoadReadings.self, from: Data(json.utf8)))
        return total
    }

    @Test("REL.dbcrash holds for a 503 within 3 s, a 200 within 15 s of the database, no failed reading; fails past each")
    func databaseCrash() throws {
        let holds = ResilienceChecks.databaseCrash(
            DatabaseCrashRecovery(restarted: true, unhealthy: .seconds(1.2), healthyAgain: .seconds(1), readings: try readings())
        )
        #expect(holds.passed, "\(holds.reason)")
        let broken = ResilienceChecks.databaseCrash(
            DatabaseCrashRecovery(restarted: false, unhealthy: .seconds(4), healthyAgain: nil, readings: try readings(errors: 3))
        )
        #expect(!broken.passed)
        for problem in [
            "the engine did not restart the killed database", "the first /health 503 came 4.000 s after the fault, not ≤ 3 s",
            "/health never answered 200 again", "3 readings failed: UNAVAILABLE: no connection",
        ] {
            #expect(broken.reason.contains(problem), "\(problem) in \(broken.reason)")
        }
    }

    @Test("REL.dbhang holds for answers within 2 s saying 503; fails for a /health that hangs with the database, or never says 503")
    func databaseHang() throws {
        let answering = (0..<10).map { HealthPoll(at: .milliseconds(100 * $0), status: $0 < 3 ? 200 : 503, elapsed: .milliseconds(4)) }
        #expect(ResilienceChecks.databaseHang(polls: answering, readings: try readings()).passed)
        // A /health that asks the database on the request's path hangs with it.
        let hanging = [HealthPoll(at: .zero, status: 200, elapsed: .milliseconds(3)), HealthPoll(at: .seconds(1), status: nil, elapsed: .seconds(3))]
        let outcome = ResilienceChecks.databaseHang(polls: hanging, readings: try readings())
        #expect(!outcome.passed)
        #expect(outcome.reason.contains("1 of 2 /health requests got no answer"), "\(outcome.reason)")
        #expect(outcome.reason.contains("the slowest /health answer took 3.000 s, not < 2 s"), "\(outcome.reason)")
        #expect(outcome.reason.contains("/health never said 503"), "\(outcome.reason)")
    }

    @Test("REL.reboot holds within 60 s and fails naming what never came")
    func reboot() {
        #expect(ResilienceChecks.reboot(healthCheckPassed: .seconds(25), webReading: .seconds(24)).passed)
        let outcome = ResilienceChecks.reboot(healthCheckPassed: .seconds(61), webReading: nil)
        #expect(!outcome.passed)
        #expect(outcome.reason.contains("health-check.sh exiting 0 came 61.000 s after the fault, not ≤ 60 s"), "\(outcome.reason)")
        #expect(outcome.reason.contains("a reading through the web-ui never came"), "\(outcome.reason)")
    }

    /// A disk-full run; the defaults are what a correct Oracle leaves.
    private func diskFull(
        reports: Int = 1,
        stdoutLines: Int = 3000,
        endsWithNewline: Bool = true,
        unreadable: Int = 0,
        full: Bool = true
    ) throws -> DiskFullRun {
        let calls = #"{"count":3000,"ok":3000,"errors":0,"concurrency":4,"wall_seconds":2,"p50_ms":1,"p99_ms":3,"max_ms":9,"first_error":null}"#
        return DiskFullRun(
            calls: try JSONDecoder().decode(OracleLoadReadings.self, from: Data(calls.utf8)),
            healthStatus: 200,
            restarts: 0,
            fileFull: full,
            failureReports: reports,
            stdoutCallLines: stdoutLines,
            fileLines: 410,
            fileEndsWithNewline: endsWithNewline,
            unreadableFileLines: unreadable
        )
    }

    @Test("REL.diskfull holds for one report and whole lines; fails for a report per line, lost stdout lines, a partial line, or a disk never full")
    func diskFull() throws {
        #expect(ResilienceChecks.diskFull(try diskFull()).passed)
        for (run, problem) in [
            (try diskFull(reports: 2590), "reported 2590 times on stderr, not once"),
            (try diskFull(stdoutLines: 410), "stdout has 410 of the 3000 calls' log lines"),
            (try diskFull(endsWithNewline: false, unreadable: 1), "the log file ends in a partial line"),
            (try diskFull(full: false), "never filled, so nothing was tested"),
        ] {
            let outcome = ResilienceChecks.diskFull(run)
            #expect(!outcome.passed && outcome.reason.contains(problem), "\(problem) in \(outcome.reason)")
        }
    }

    @Test("REL.aidown holds for every reading OK with p99 within 2.5 s; fails for a fallback that waits out the AI timeout")
    func aiDown() throws {
        let fast = #"{"count":200,"ok":200,"errors":0,"concurrency":4,"wall_seconds":1,"p50_ms":2,"p99_ms":1500,"max_ms":1510,"first_error":null}"#
        #expect(
            ResilienceChecks.aiDown(host: "http://x.invalid", readings: try JSONDecoder().decode(OracleLoadReadings.self, from: Data(fast.utf8)))
                .passed
        )
        let waiting =
            #"{"count":200,"ok":200,"errors":0,"concurrency":4,"wall_seconds":90,"p50_ms":10001,"p99_ms":10004,"max_ms":10009,"first_error":null}"#
        let outcome = ResilienceChecks.aiDown(
            host: "http://x.invalid",
            readings: try JSONDecoder().decode(OracleLoadReadings.self, from: Data(waiting.utf8))
        )
        #expect(!outcome.passed && outcome.reason.contains("p99 10.004 s, not ≤ 2.5 s"), "\(outcome.reason)")
    }
}
