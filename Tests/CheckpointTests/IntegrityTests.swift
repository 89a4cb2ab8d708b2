import CheckpointRules
import Foundation
import ProcessRunning
import StackHarness
import Testing

extension Checkpoints {
    /// Integrity: nothing acknowledged is lost. Each test writes through the Oracle's published gRPC port with
    /// idempotency keys of its own (`oracle-benchmark load --writes`), disturbs the stack, then counts the rows of
    /// exactly the acknowledged keys; it leaves the stack running and healthy.
    @Suite("Integrity")
    struct Integrity {
        /// A key prefix no other test or run uses.
        static func keyPrefix(_ test: String) -> String { "\(test)-\(UUID().uuidString.prefix(8).lowercased())" }

        /// `docker <verb> <container>` (stop, start, pause, unpause): the engine's own, not compose's.
        @discardableResult
        static func engine(_ verb: String, _ service: String) async throws -> CommandResult {
            try await Stack.shared.docker.run([verb, StackServices.container(service)], timeout: .seconds(60))
        }

        /// Waits until the engine calls `service` healthy; returns when.
        static func healthy(_ service: String, budget: Duration = .seconds(90)) async throws -> Date {
            try await HealthWait(container: StackServices.container(service), docker: Stack.shared.docker).untilHealthy(budget: budget).healthyAt
        }

        /// The Oracle's `/health` body, as JSON.
        static func oracleHealth() async throws -> JSONValue? {
            try await HTTPFetch.get(try Stack.shared.oracleHealthURL()).json
        }

        @Test(
            "INT.outage: PostgreSQL stopped while a client makes acknowledged writes; every acknowledged record is stored exactly once soon after it is back, and the Oracle is not restarted",
            arguments: [Requirements.intOutage]
        )
        func intOutage(_ requirement: Requirement) async throws {
            let stack = Stack.shared
            try await stack.ensureRunning()
            let database = try StackDatabase(stack: stack)
            let oracle = StackServices.container("oracle")
            let before = try await stack.docker.inspectContainer(oracle).value
            let prefix = Self.keyPrefix("int-outage")

            // 20 writes a second from 3 s before the stop to the end of the outage.
            try await OracleLoad.prepare()
            let writing = Task {
                try await OracleWrites.run(
                    calls: 2000,
                    keyPrefix: prefix,
                    concurrency: 4,
                    rate: 20,
                    for: Requirements.outageDuration + .seconds(5)
                )
            }
            try await Task.sleep(for: .seconds(3))
            try await Self.engine("stop", "postgres")
            try await Task.sleep(for: Requirements.outageDuration)
            try await Self.engine("start", "postgres")
            let back = try await Self.healthy("postgres")
            let writes = try await writing.value
            let (stored, drained) = try await database.waitUntilStored(writes, prefix: prefix, since: back, budget: .seconds(60))
            let after = try await stack.docker.inspectContainer(oracle)

            try await prove(
                Measurement(
                    IntegrityChecks.exactlyOnce(
                        requirement,
                        writes: writes,
                        stored: stored,
                        drained: drained,
                        within: Requirements.outageDrainLimit,
                        restarted: after.value.restartCount != before.restartCount || after.value.state.pid != before.state.pid
                    ),
                    subject:
                        "writes (20/s) across docker stop nps-postgres for \(Requirements.outageDuration.limitText): acknowledged calls against rows",
                    limit: requirement.limit,
                    measuredBy: after.result
                )
            )
            try await stack.ensureRunning()
        }

        @Test(
            "INT.crash: the Oracle killed with SIGKILL (its host PID) while acknowledged records wait for a stopped database; after the restart every one is stored exactly once",
            arguments: [Requirements.intCrash]
        )
        func intCrash(_ requirement: Requirement) async throws {
            let stack = Stack.shared
            try await stack.ensureRunning()
            let database = try StackDatabase(stack: stack)
            let oracle = StackServices.container("oracle")
            let prefix = Self.keyPrefix("int-crash")

            try await Self.engine("stop", "postgres")
            let before = try await stack.docker.inspectContainer(oracle).value
            try await OracleLoad.prepare()
            let writing = Task {
                try await OracleWrites.run(calls: 1000, keyPrefix: prefix, concurrency: 4, rate: 25, for: .seconds(12))
            }
            // Mid-run: some calls are in flight when the process dies (their outcome is unknown to the client).
            try await Task.sleep(for: .seconds(8))
            // Not `docker kill`: the engine counts that as a manual stop, and `unless-stopped` would not restart it.
            try #require(kill(pid_t(before.state.pid), SIGKILL) == 0, "kill -9 \(before.state.pid) failed: errno \(errno)")
            let writes = try await writing.value
            try await Self.engine("start", "postgres")
            let back = try await Self.healthy("postgres")
            _ = try await Self.healthy("oracle")
            let (stored, drained) = try await database.waitUntilStored(writes, prefix: prefix, since: back, budget: .seconds(60))
            let after = try await stack.docker.inspectContainer(oracle)

            var outcome = IntegrityChecks.exactlyOnce(requirement, writes: writes, stored: stored, drained: drained, within: nil, restarted: nil)
            if after.value.restartCount <= before.restartCount {
                outcome = CheckOutcome(
                    id: outcome.id,
                    passed: false,
                    measured: "the engine did not restart the killed Oracle; " + outcome.measured,
                    reason: outcome.reason
                )
            }
            try await prove(
                Measurement(
                    outcome,
                    subject: "writes into the spool (database stopped), kill -9 of nps-oracle's host PID mid-run, then the database back",
                    limit: requirement.limit,
                    measuredBy: after.result
                )
            )
            try await stack.ensureRunning()
        }

        @Test(
            "INT.restart: acknowledged records waiting for a stopped database survive docker compose restart oracle and down / up, each stored exactly once",
            arguments: [Requirements.intRestart]
        )
        func intRestart(_ requirement: Requirement) async throws {
            let stack = Stack.shared
            try await stack.ensureRunning()
            let database = try StackDatabase(stack: stack)
            let beforeRestart = Self.keyPrefix("int-restart-a")
            let beforeDown = Self.keyPrefix("int-restart-b")

            try await Self.engine("stop", "postgres")
            let first = try await OracleWrites.run(calls: 100, keyPrefix: beforeRestart, concurrency: 4, rate: 50)
            let restart = try await stack.compose.restart("oracle")
            _ = try await OracleLoad().waitReady(budget: .seconds(60))
            let second = try await OracleWrites.run(calls: 100, keyPrefix: beforeDown, concurrency: 4, rate: 50)
            try await stack.compose.down(volumes: false, timeout: .seconds(30))
            await stack.noteDown()
            try await stack.ensureRunning()
            let back = Date()
            for (writes, prefix, path) in [(first, beforeRestart, "compose restart oracle and down / up"), (second, beforeDown, "down / up")] {
                let (stored, drained) = try await database.waitUntilStored(writes, prefix: prefix, since: back, budget: .seconds(30))
                try await prove(
                    Measurement(
                        IntegrityChecks.exactlyOnce(requirement, writes: writes, stored: stored, drained: drained, within: nil, restarted: nil),
                        subject: "writes into the spool (database stopped), then \(path)",
                        limit: requirement.limit,
                        measuredBy: restart
                    )
                )
            }
        }

        @Test(
            "INT.poison: a record the database refuses for good is set aside with one ERROR line naming the table and reason, /health counts it, and the records after it are stored within 5 s",
            arguments: [Requirements.intPoison]
        )
        func intPoison(_ requirement: Requirement) async throws {
            let stack = Stack.shared
            try await stack.ensureRunning()
            let database = try StackDatabase(stack: stack)
            let prefix = Self.keyPrefix("int-poison")
            let deadLetter = stack.layout.spoolVolume.appendingPathComponent("dead-letter.jsonl")
            let setAsideBefore = IntegrityChecks.lineCount(of: try? Data(contentsOf: deadLetter))

            // A record the API no longer accepts (a NUL in session_id, SQLSTATE 22021 in PostgreSQL), placed in the
            // spool as an older Oracle would have left it: the restarted Oracle replays it first.
            try await Self.engine("stop", "oracle")
            let segment = stack.layout.spoolVolume.appendingPathComponent("segment-000000000000.jsonl")
            try Data(IntegrityChecks.poisonSpoolLine(key: prefix + "-poison").utf8).write(to: segment)
            _ = chown(segment.path, RepositoryLayout.oracleUID, RepositoryLayout.oracleUID)
            let started = Date()
            try await Self.engine("start", "oracle")
            _ = try await Self.healthy("oracle")

            let writes = try await OracleWrites.run(calls: 100, keyPrefix: prefix, concurrency: 4)
            let (stored, drained) = try await database.waitUntilStored(writes, prefix: prefix, since: Date(), budget: .seconds(30))
            let health = try await Self.oracleHealth()
            let logs = try await stack.docker.logs(StackServices.container("oracle"))
            let errors = JSONLogLines(text: logs.standardOutput).entries(atLevels: ["error"]).filter { ($0.time ?? .distantPast) >= started }
            try await prove(
                Measurement(
                    IntegrityChecks.poison(
                        writes: writes,
                        stored: stored,
                        drained: drained,
                        errorLines: errors,
                        setAside: (setAsideBefore, IntegrityChecks.lineCount(of: try? Data(contentsOf: deadLetter))),
                        healthSetAside: health?["set_aside"]?.int64.map(Int.init)
                    ),
                    subject: "a poison record (NUL in session_id) replayed first from the spool, then 100 writes",
                    limit: requirement.limit,
                    measuredBy: logs
                )
            )
        }

        @Test(
            "INT.backpressure: past the spool's bound in records, then in bytes, writes get UNAVAILABLE saying why, /health reports what waits, and every acknowledged one is stored",
            arguments: [Requirements.intBackpressure]
        )
        func intBackpressure(_ requirement: Requirement) async throws {
            let stack = Stack.shared
            try await stack.ensureRunning()
            let database = try StackDatabase(stack: stack)
            let bounds = [("NPS_SPOOL_MAX_RECORDS", "40", "40 records"), ("NPS_SPOOL_MAX_BYTES", "16384", "16384 bytes")]
            for (variable, value, bound) in bounds {
                // The Oracle recreated with the small bound, while the database is still there to make it healthy.
                try await stack.compose.up(services: ["oracle"], timeout: .seconds(90), environment: [variable: value])
                let prefix = Self.keyPrefix("int-backpressure")
                try await Self.engine("stop", "postgres")
                let writes = try await OracleWrites.run(calls: 150, keyPrefix: prefix, concurrency: 4)
                let pending = try await Self.oracleHealth()?["pending"]?.int64.map(Int.init)
                try await Self.engine("start", "postgres")
                let back = try await Self.healthy("postgres")
                let (stored, _) = try await database.waitUntilStored(writes, prefix: prefix, since: back, budget: .seconds(30))
                try await prove(
                    Measurement(
                        IntegrityChecks.backpressure(bound: "\(variable)=\(value)", writes: writes, pendingReported: pending, stored: stored),
                        subject: "150 writes with the database stopped and the spool bounded to \(bound)",
                        limit: requirement.limit
                    )
                )
            }
            // Back to the compose file's bounds.
            try await stack.ensureRunning()
        }

        @Test(
            "INT.once: writes retried after a timeout (PostgreSQL paused past the writer's statement timeout, and every call repeated by the client under its key) are stored once",
            arguments: [Requirements.intOnce]
        )
        func intOnce(_ requirement: Requirement) async throws {
            let stack = Stack.shared
            try await stack.ensureRunning()
            let database = try StackDatabase(stack: stack)
            let prefix = Self.keyPrefix("int-once")
            let started = Date()

            try await OracleLoad.prepare()
            let writing = Task {
                try await OracleWrites.run(calls: 1000, keyPrefix: prefix, concurrency: 4, rate: 20, for: .seconds(16))
            }
            try await Task.sleep(for: .seconds(3))
            try await Self.engine("pause", "postgres")
            // Past the writer's 5 s statement timeout: the batch sent before the pause is retried while it still
            // waits in the paused server, and both run once it is resumed.
            try await Task.sleep(for: .seconds(9))
            try await Self.engine("unpause", "postgres")
            let resumed = Date()
            let writes = try await writing.value
            let (stored, drained) = try await database.waitUntilStored(writes, prefix: prefix, since: resumed, budget: .seconds(60))
            let logs = try await stack.docker.logs(StackServices.container("oracle"))
            let timedOut = JSONLogLines(text: logs.standardOutput).entries.contains {
                ($0.time ?? .distantPast) >= started && $0.message?.hasPrefix("Write backlog started") == true
                    && $0.fields["reason"]?.string?.contains("no answer within") == true
            }
            var outcome = IntegrityChecks.exactlyOnce(requirement, writes: writes, stored: stored, drained: drained, within: nil, restarted: nil)
            if !timedOut {
                outcome = CheckOutcome(
                    id: outcome.id,
                    passed: false,
                    measured:
                        "no write timed out while the database was paused (no 'Write backlog started … no answer within'), so no retry was tested; "
                        + outcome.measured,
                    reason: outcome.reason
                )
            }
            try await prove(
                Measurement(outcome, subject: "writes (20/s) across docker pause nps-postgres for 9 s", limit: requirement.limit, measuredBy: logs)
            )

            // The client's retry: every call again under the same key, with the database up.
            let again = try await OracleWrites.run(calls: writes.ok + writes.errors, keyPrefix: prefix, concurrency: 4)
            try await Task.sleep(for: .seconds(2))
            let (storedAgain, _) = try await database.waitUntilStored(again, prefix: prefix, since: Date(), budget: .seconds(30))
            try await prove(
                Measurement(
                    IntegrityChecks.exactlyOnce(requirement, writes: again, stored: storedAgain, drained: nil, within: nil, restarted: nil),
                    subject: "every call of the run made again by the client under the same idempotency-key",
                    limit: requirement.limit
                )
            )
        }
    }
}
