import CheckpointRules
import Foundation
import ProcessRunning
import StackHarness
import Testing

extension Checkpoints {
    /// Performance: the spec's floors for start-up, gRPC, /health, resources under load and a batch of readings.
    @Suite("Performance")
    struct Performance {
        @Test(
            "PERF.startup: container start to healthy within the spec's limit (and the first /health 200, polled every 100 ms)",
            arguments: [Requirements.perfStartup]
        )
        func perfStartup(_ requirement: Requirement) async throws {
            let stack = Stack.shared
            try await stack.ensureRunning(["oracle"])
            let url = try stack.oracleHealthURL()
            try await stack.compose.stop("oracle")
            // Polling starts before the start, so the first 200 is seen within 100 ms of the Oracle answering.
            async let start = stack.compose.start("oracle")
            let firstAnswer = await Self.firstAnswer(url, every: .milliseconds(100), budget: .seconds(60))
            _ = try await start
            let healthy = try await HealthWait(container: StackServices.container("oracle"), docker: stack.docker).untilHealthy()
            let outcome = PerformanceChecks.startup(
                timeToHealthy: healthy.timeToHealthy,
                firstAnswer: firstAnswer.map { .seconds($0.timeIntervalSince(healthy.startedAt)) }
            )
            try await prove(
                Measurement(
                    outcome,
                    subject: "nps-oracle StartedAt to its first passing health probe (docker compose stop, start)",
                    limit: requirement.limit
                )
            )
            // Whatever depends on the Oracle and went down with it is brought back by the tests that need it.
            try await stack.ensureRunning(["oracle"])
        }

        @Test(
            "PERF.grpc: Oracle accepts gRPC calls soon after start, and one call, not counting AI, is handled within the spec's limit",
            arguments: [Requirements.perfGRPC]
        )
        func perfGRPC(_ requirement: Requirement) async throws {
            let stack = Stack.shared
            try await stack.ensureRunning(["oracle"])
            let load = OracleLoad()
            // First the latency, on the running Oracle; then the start-up, on a restarted one.
            let calls = try await load.readings(200, concurrency: 1)
            let latency = PerformanceChecks.callLatency(calls.value)
            try await prove(
                Measurement(
                    latency,
                    subject: "median of 200 sequential GetReading calls, no AI (oracle-benchmark load --readings 200 --concurrency 1)",
                    limit: requirement.limit,
                    measuredBy: calls.result
                )
            )

            try await OracleLoad.prepare()
            try await stack.compose.stop("oracle")
            async let readiness = load.waitReady(budget: .seconds(60))
            // Started first, the tool is already asking (every 50 ms) when the Oracle starts, so its first success
            // marks when the Oracle began answering, not when the tool began asking. Its container starts in about
            // 0.3 s here; 3 s leaves room for a busy machine.
            try await Task.sleep(for: .seconds(3))
            try await stack.compose.start("oracle")
            let ready = try await readiness
            let inspection = try await stack.docker.inspectContainer(StackServices.container("oracle"))
            let startedAt = try #require(inspection.state.startedAt, "nps-oracle has no StartedAt after its start")
            let accepted = PerformanceChecks.grpcReady(ready.value, startedAt: startedAt)
            try await prove(
                Measurement(
                    accepted,
                    subject: "nps-oracle StartedAt to its first answered GetReading (oracle-benchmark load --wait-ready 60)",
                    limit: Requirements.perfGRPCReady.limit,
                    measuredBy: ready.result
                )
            )
            try await stack.ensureRunning(["oracle"])
        }

        @Test(
            "PERF.health: /health answers within the spec's limit (50 GETs on 127.0.0.1:8052/health, max and p99)",
            arguments: [Requirements.perfHealth]
        )
        func perfHealth(_ requirement: Requirement) async throws {
            let stack = Stack.shared
            try await stack.ensureRunning(["oracle"])
            let url = try stack.oracleHealthURL()
            let requested = 50
            var replies: [HTTPReply] = []
            var failures: [String] = []
            for _ in 0..<requested {
                do {
                    replies.append(try await HTTPFetch.get(url, timeout: .seconds(10)))
                } catch {
                    failures.append("\(error)")
                }
            }
            let outcome = PerformanceChecks.health(replies, requested: requested, failures: failures)
            try await prove(
                Measurement(
                    outcome,
                    subject: "50 sequential GET \(url.absoluteString)",
                    limit: requirement.limit
                )
            )
        }

        @Test(
            "PERF.resources: under a short load Oracle stays within its CPU and memory limits (docker stats samples)",
            arguments: [Requirements.perfResources]
        )
        func perfResources(_ requirement: Requirement) async throws {
            let stack = Stack.shared
            try await stack.ensureRunning(["oracle"])
            let load = OracleLoad()
            let sampler = DockerStatsSampler(container: StackServices.container("oracle"), docker: stack.docker)
            let (calls, samples) = try await sampler.sample { try await load.readings(20_000, concurrency: 16) }
            let outcome = PerformanceChecks.resources(samples, load: calls.value)
            try await prove(
                Measurement(
                    outcome,
                    subject: "docker stats of nps-oracle every 0.5 s during 20,000 GetReading at concurrency 16",
                    limit: requirement.limit,
                    measuredBy: calls.result
                )
            )
        }

        @Test(
            "PERF.analysis: a batch of readings (GetReading over gRPC, no AI) completes within the spec's limit",
            arguments: [Requirements.perfAnalysis]
        )
        func perfAnalysis(_ requirement: Requirement) async throws {
            let stack = Stack.shared
            try await stack.ensureRunning(["oracle"])
            let calls = try await OracleLoad().readings(Requirements.analysisReadings, concurrency: 8)
            let outcome = PerformanceChecks.analysis(calls.value)
            try await prove(
                Measurement(
                    outcome,
                    subject: "wall time of \(Requirements.analysisReadings) GetReading at concurrency 8 (oracle-benchmark load)",
                    limit: requirement.limit,
                    measuredBy: calls.result
                )
            )
        }

        /// When `url` first answered 200, polling every `every` until `budget` passes; nil if it never did.
        static func firstAnswer(_ url: URL, every interval: Duration, budget: Duration) async -> Date? {
            let clock = ContinuousClock()
            let deadline = clock.now + budget
            while clock.now < deadline {
                if let reply = try? await HTTPFetch.get(url, timeout: .seconds(1)), reply.status == 200 {
                    return Date()
                }
                try? await Task.sleep(for: interval)
            }
            return nil
        }
    }
}
