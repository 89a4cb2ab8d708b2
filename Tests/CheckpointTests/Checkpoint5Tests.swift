import CheckpointRules
import Foundation
import ProcessRunning
import StackHarness
import Testing

extension Checkpoints {
    /// Checkpoint 5: the whole stack. CP5.healthy, CP5.order and CP5.clean share one timed start from
    /// `down` (FreshStart); CP5.restart restarts the Oracle and restores the stack. The tests run in the
    /// order declared here (the parent suite is serialized), and CP5.down, which takes the stack down,
    /// must stay the last one; later suites bring the stack up again with `ensureRunning`.
    @Suite("Checkpoint 5: the whole stack")
    struct Checkpoint5 {
        /// The reading the api is asked for: 2026-02-06T01:15:00+08:00, whose FC60 cycle is 58.
        static let readingPath = "/api/oracle/reading?datetime=2026-02-06T01:15:00%2B08:00"

        @Test("CP5.healthy: all five services are healthy within the spec's limit of docker compose up -d", arguments: [Requirements.cp5Healthy])
        func cp5Healthy(_ requirement: Requirement) async throws {
            let record = try await FreshStart.shared.measure()
            let outcome = StartupChecks.allHealthy(record.readiness)
            try await prove(
                Measurement(
                    outcome,
                    subject: "docker compose up -d (from down) to five healthy services",
                    limit: requirement.limit,
                    measuredBy: record.up
                )
            )
            for entry in record.readiness {
                guard let sinceUp = entry.sinceUp else { continue }
                try await prove(
                    Measurement(
                        id: Requirements.cp5HealthyService.id,
                        subject: "\(entry.service) healthy after up -d",
                        number: sinceUp.inSeconds,
                        unit: "s",
                        limit: Requirements.cp5HealthyService.limit,
                        passed: sinceUp <= Requirements.stackHealthyLimit,
                        measuredBy: record.up
                    )
                )
            }
        }

        @Test(
            "CP5.order: postgres → oracle and scanner (together) → api → web-ui, each started once its dependencies were healthy",
            arguments: [Requirements.cp5Order]
        )
        func cp5Order(_ requirement: Requirement) async throws {
            let record = try await FreshStart.shared.measure()
            let outcome = StartupChecks.startOrder(record.timelines, upStartedAt: record.upStartedAt)
            try await prove(
                Measurement(
                    id: outcome.id,
                    subject: "start and first healthy events after up -d",
                    value: .text(outcome.measured),
                    limit: requirement.limit,
                    verdict: Verdict(passed: outcome.passed),
                    command: "docker events --filter type=container --filter label=com.docker.compose.project=nps (start, health_status)"
                )
            )
        }

        @Test(
            "CP5.logs: the Oracle logs \"Oracle service started\", \"gRPC server listening on 50052\", \"Connected to database\"",
            arguments: [Requirements.cp5Logs]
        )
        func cp5Logs(_ requirement: Requirement) async throws {
            let stack = Stack.shared
            try await stack.ensureRunning(["oracle"])
            let logs = try await stack.docker.logs(StackServices.container("oracle"))
            let outcome = StartupChecks.oracleStartupLines(JSONLogLines(text: logs.standardOutput + "\n" + logs.standardError))
            try await prove(
                Measurement(
                    outcome,
                    subject: "startup messages in docker logs nps-oracle",
                    limit: requirement.limit,
                    measuredBy: logs
                )
            )
        }

        @Test("CP5.clean: no service logs an error-level line during a normal start", arguments: [Requirements.cp5Clean])
        func cp5Clean(_ requirement: Requirement) async throws {
            let stack = Stack.shared
            let record = try await FreshStart.shared.measure()
            var logs: [String: String] = [:]
            var lastRun: CommandResult?
            for service in StackServices.all {
                // Only the start: from the up to when every service was healthy.
                let run = try await stack.docker.run(
                    [
                        "logs", "--since", RFC3339Nano.string(from: record.upStartedAt.addingTimeInterval(-1)),
                        "--until", RFC3339Nano.string(from: record.settledAt.addingTimeInterval(1)), StackServices.container(service),
                    ],
                    timeout: .seconds(60)
                )
                logs[service] = run.standardOutput + "\n" + run.standardError
                lastRun = run
            }
            let outcome = StartupChecks.cleanStart(logs)
            let count = logs.values.map { StartupChecks.errorLines(in: $0).count }.reduce(0, +)
            try await prove(
                Measurement(
                    id: outcome.id,
                    subject: "error-level lines in the five services' logs during the start",
                    number: Double(count),
                    unit: "lines",
                    limit: requirement.limit,
                    passed: outcome.passed,
                    measuredBy: lastRun
                )
            )
            #expect(outcome.passed, "\(outcome.reason)")
        }

        @Test(
            "CP5.api: the api container reaches the Oracle over gRPC (oracle:50052) and over HTTP (oracle:8052/health)",
            arguments: [Requirements.cp5API]
        )
        func cp5API(_ requirement: Requirement) async throws {
            let stack = Stack.shared
            try await stack.ensureRunning()
            let reading = try await HTTPFetch.get(try stack.apiURL(Self.readingPath), timeout: .seconds(20))
            let grpc = StackUseChecks.readingThroughAPI(reading)
            try await prove(
                Measurement(
                    id: grpc.id,
                    subject: "GetReading through the api (gRPC to oracle:50052)",
                    value: .text(grpc.measured),
                    limit: requirement.limit,
                    verdict: Verdict(passed: grpc.passed),
                    command: reading.request
                )
            )

            let health = try await HTTPFetch.get(try stack.apiURL("/api/health"))
            let grpcHealth = StackUseChecks.grpcHealthThroughAPI(health)
            try await prove(
                Measurement(
                    id: grpcHealth.id,
                    subject: "grpc.health.v1 Check from the api to oracle:50052",
                    value: .text(grpcHealth.measured),
                    limit: Requirements.cp5APIHealth.limit,
                    verdict: Verdict(passed: grpcHealth.passed),
                    command: health.request
                )
            )

            // The api image has no curl: its passthrough route is the api container's own HTTP call to oracle:8052.
            let http = try await HTTPFetch.get(try stack.apiURL("/api/oracle/health"))
            let httpHealth = StackUseChecks.httpHealthThroughAPI(http)
            try await prove(
                Measurement(
                    id: httpHealth.id,
                    subject: "HTTP from the api container to oracle:8052/health",
                    value: .text(httpHealth.measured),
                    limit: Requirements.cp5APIHTTPHealth.limit,
                    verdict: Verdict(passed: httpHealth.passed),
                    command: http.request
                )
            )
        }

        @Test("CP5.db: SELECT COUNT(*) FROM oracle_suggestions works and grows after a range suggestion", arguments: [Requirements.cp5DB])
        func cp5DB(_ requirement: Requirement) async throws {
            let stack = Stack.shared
            try await stack.ensureRunning()
            let environment = try stack.environment()
            let user = try #require(environment["POSTGRES_USER"]?.value, "POSTGRES_USER is not in the stack's env file")
            let database = try #require(environment["POSTGRES_DB"]?.value, "POSTGRES_DB is not in the stack's env file")
            let psql = ["psql", "-U", user, "-d", database, "-Atc", "SELECT COUNT(*) FROM oracle_suggestions"]
            let first = try await stack.docker.exec(StackServices.container("postgres"), psql, timeout: .seconds(30))
            let before = StackUseChecks.count(fromPsql: first.standardOutput)
            #expect(first.succeeded, "psql failed: \(first.transcript)")

            let suggestion = try await HTTPFetch.post(
                try stack.apiURL("/api/oracle/suggest-range"),
                json: #"{"puzzle_number":66}"#,
                timeout: .seconds(20)
            )
            // The Oracle queues its writes: poll until the row shows or the limit passes.
            let clock = ContinuousClock()
            let posted = clock.now
            var after: Int?
            var last = first
            repeat {
                last = try await stack.docker.exec(StackServices.container("postgres"), psql, timeout: .seconds(30))
                after = StackUseChecks.count(fromPsql: last.standardOutput)
                if let after, let before, after > before { break }
                try await Task.sleep(for: .milliseconds(200))
            } while clock.now - posted < Requirements.suggestionWriteLimit
            let outcome = StackUseChecks.suggestionStored(before: before, after: after, suggestion: suggestion, waited: clock.now - posted)
            try await prove(
                Measurement(
                    outcome,
                    subject: "oracle_suggestions rows before and after POST /api/oracle/suggest-range",
                    limit: requirement.limit,
                    measuredBy: last
                )
            )
        }

        @Test(
            "CP5.ai: with a key the Oracle calls the Messages API and uses its answer; without one it warns once and answers by its rules",
            arguments: [Requirements.cp5AI]
        )
        func cp5AI(_ requirement: Requirement) async throws {
            let stack = Stack.shared
            try await stack.ensureRunning()
            try await AIStandIn.withStack { apiPort in
                let reading = try await HTTPFetch.get(URL(string: "http://127.0.0.1:\(apiPort)\(Self.readingPath)")!, timeout: .seconds(30))
                let summary = StackUseChecks.aiSummary(reading, expected: AIStandIn.reply)
                try await prove(
                    Measurement(
                        id: summary.id,
                        subject: "reading summary from an Oracle with a key, against the Messages API stand-in",
                        value: .text(summary.measured),
                        limit: requirement.limit,
                        verdict: Verdict(passed: summary.passed),
                        command: reading.request
                    )
                )

                let recorded = try await stack.docker.exec(AIStandIn.messagesAPI, ["cat", AIStandIn.recordFile], timeout: .seconds(30))
                let oracleLogs = try await stack.docker.logs(AIStandIn.oracle)
                let requests = StackUseChecks.aiRequests(
                    recorded: recorded.standardOutput,
                    key: AIStandIn.key,
                    oracleLogs: oracleLogs.standardOutput + oracleLogs.standardError
                )
                try await prove(
                    Measurement(
                        requests,
                        subject: "Messages API requests recorded by the stand-in, and the key in the Oracle's logs",
                        limit: Requirements.cp5AIRequests.limit,
                        measuredBy: recorded
                    )
                )
            }

            // Without a key: the stack's own Oracle (the env file's placeholder counts as no key).
            let oracle = try await stack.docker.inspectContainer(StackServices.container("oracle"))
            let key = oracle.config.environment["ANTHROPIC_API_KEY"] ?? ""
            try #require(key.isEmpty || key == "your_claude_api_key_here", "nps-oracle runs with an API key, so its keyless path cannot be measured")
            let startedAt = try #require(oracle.state.startedAt, "nps-oracle has no start time")
            let logs = try await stack.docker.run(
                ["logs", "--since", RFC3339Nano.string(from: startedAt.addingTimeInterval(-1)), StackServices.container("oracle")],
                timeout: .seconds(60)
            )
            let reading = try await HTTPFetch.get(try stack.apiURL(Self.readingPath), timeout: .seconds(20))
            let keyless = StackUseChecks.keylessFallback(JSONLogLines(text: logs.standardOutput + "\n" + logs.standardError), reading: reading)
            try await prove(
                Measurement(
                    keyless,
                    subject: "nps-oracle without a key: ANTHROPIC_API_KEY warnings since start, and a reading",
                    limit: Requirements.cp5AIKeyless.limit,
                    measuredBy: logs
                )
            )
        }

        @Test(
            "CP5.restart: after docker compose restart oracle it is healthy again, logs \"Connected to database\" again, and oracle.log kept its lines",
            arguments: [Requirements.cp5Restart]
        )
        func cp5Restart(_ requirement: Requirement) async throws {
            let stack = Stack.shared
            try await stack.ensureRunning()
            let logFile = stack.layout.oracleLogFile
            let before = StackUseChecks.completeLines(try String(contentsOf: logFile, encoding: .utf8))
            let restartedAt = Date()
            let restart = try await stack.compose.restart("oracle")
            let healthy = try? await HealthWait(container: StackServices.container("oracle"), docker: stack.docker).untilHealthy()
            let logs = try await stack.docker.run(
                ["logs", "--since", RFC3339Nano.string(from: restartedAt), StackServices.container("oracle")],
                timeout: .seconds(60)
            )
            let connected = JSONLogLines(text: logs.standardOutput + "\n" + logs.standardError).entries.count {
                $0.message == "Connected to database"
            }
            let after = StackUseChecks.completeLines(try String(contentsOf: logFile, encoding: .utf8))
            try await stack.ensureRunning()
            let outcome = StackUseChecks.restart(healthy: healthy, connectedSinceRestart: connected, logBefore: before, logAfter: after)
            try await prove(
                Measurement(
                    outcome,
                    subject: "nps-oracle after docker compose restart oracle",
                    limit: requirement.limit,
                    measuredBy: restart
                )
            )
        }

        /// Runs last: it takes the stack down (volumes kept); later suites bring it up again.
        @Test(
            "CP5.down: docker compose down stops every service gracefully, each within the spec's limit with a clean status, not SIGKILL",
            arguments: [Requirements.cp5Down]
        )
        func cp5Down(_ requirement: Requirement) async throws {
            let stack = Stack.shared
            try await stack.ensureRunning()
            let since = Date()
            let down = try await stack.compose.down(volumes: false)
            await stack.noteDown()
            let events = try await stack.docker.events(
                since: since,
                until: Date().addingTimeInterval(0.5),
                filters: ["type=container", "label=com.docker.compose.project=\(stack.compose.name)", "event=kill", "event=die"]
            )
            let stops = ContainerStop.fromEvents(events.value)
            let lanes = StackServices.all.map { service in
                let stop = stops.first { $0.container == StackServices.container(service) }
                return StackTimeline.Lane(service: service, begin: stop?.firstSignalAt, end: stop?.diedAt)
            }
            try await stack.report.record(StackTimeline(phase: .stop, origin: since, lanes: lanes))
            let outcome = ShutdownChecks.gracefulStops(stops, expected: StackServices.all.map(StackServices.container))
            try await prove(
                Measurement(
                    outcome,
                    subject: "docker compose down: signal to exit of each container",
                    limit: requirement.limit,
                    measuredBy: down
                )
            )
            for stop in stops {
                guard let duration = stop.stopDuration else { continue }
                try await prove(
                    Measurement(
                        id: Requirements.cp5DownContainer.id,
                        subject: "\(stop.container) stop time",
                        number: duration.inSeconds,
                        unit: "s",
                        limit: Requirements.cp5DownContainer.limit,
                        passed: duration < Requirements.stopLimit && ShutdownChecks.uncleanReason(stop) == nil,
                        measuredBy: events.result
                    )
                )
            }
        }
    }
}
