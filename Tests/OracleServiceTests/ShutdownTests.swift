import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import OracleAPI
import ServiceTesting
import Synchronization
import TestPostgres
import Testing

/// "On SIGTERM: health turns NOT_SERVING, in-flight calls finish, and the process exits 0 within a few seconds",
/// checked against the real binary.
@Suite("Shutdown of the nps-oracle binary")
struct ShutdownTests {
    @Test("SIGTERM during an in-flight GetReading: the call completes, health goes NOT_SERVING, exit 0 in < 2 s")
    func sigtermDuringAnInFlightCall() async throws {
        let reply = "SLOW STAND-IN REPLY"
        let standIn = try await MessagesAPIStandIn(delay: 1.0, reply: reply)
        let oracle = try await OracleProcess.againstTestDatabase(environment: [
            "ANTHROPIC_API_KEY": "test-key",
            "ANTHROPIC_BASE_URL": standIn.baseURL,
        ])
        try await oracle.waitUntilReady()
        try #require(
            await eventually(within: .seconds(10)) { (try? await oracle.health().status) == 200 },
            "healthy before the test starts\n\(oracle.transcript)"
        )

        let watched = WatchedStatuses()
        let outcome = try await oracle.withClient { client in
            let oracleClient = Nps_Oracle_OracleService.Client(wrapping: client)
            let health = Grpc_Health_V1_Health.Client(wrapping: client)
            return try await withThrowingTaskGroup(of: Void.self) { group in
                // A Watch opened before the signal sees the status change.
                group.addTask {
                    try await health.watch(.with { $0.service = "" }) { response in
                        for try await message in response.messages {
                            watched.statuses.withLock { $0.append(message.status) }
                        }
                    }
                }
                let call = Task {
                    let start = ContinuousClock.now
                    let response = try await oracleClient.getReading(.with { $0.datetime = "2026-02-06T01:15:00+08:00" })
                    return (response, ContinuousClock.now - start)
                }
                #expect(await eventually(within: .seconds(5)) { watched.statuses.withLock { $0 } == [.serving] }, "Watch answered SERVING")
                // The call is in flight once the stand-in has its request; it answers a second later.
                try #require(
                    await eventually(within: .seconds(5)) { ((try? standIn.requests()) ?? []).count == 1 },
                    "the AI request reached the stand-in\n\(oracle.transcript)"
                )
                try await Task.sleep(for: .milliseconds(200))
                let signalled = ContinuousClock.now
                let termination = Task { try await oracle.terminate(signal: SIGTERM) }

                // While the call is still running, HTTP health says the service is going away.
                let unhealthy = await eventually(within: .milliseconds(600)) {
                    guard let (status, body) = try? await oracle.health() else { return false }
                    return status == 503 && (body["checks"] as? [String: Any])?["grpc"] as? String == "stopping"
                }
                let (response, latency) = try await call.value
                let callEndedAfterSignal = ContinuousClock.now - signalled
                try await group.next()  // the Watch ends when the server closes it
                return (response, latency, callEndedAfterSignal, unhealthy, try await termination.value)
            }
        }
        let (response, latency, callEndedAfterSignal, unhealthyDuringDrain, termination) = outcome

        #expect(response.summary == reply, "the in-flight call finished with the AI's answer\n\(oracle.transcript)")
        #expect(latency >= .milliseconds(900), "the call really was slow: \(latency)")
        #expect(callEndedAfterSignal > .milliseconds(200), "the call was in flight at the signal: ended \(callEndedAfterSignal) after it")
        #expect(unhealthyDuringDrain, "GET /health was 503 with grpc=stopping during the drain\n\(oracle.transcript)")
        #expect(watched.statuses.withLock { $0 } == [.serving, .notServing], "Watch saw SERVING then NOT_SERVING\n\(oracle.transcript)")
        #expect(termination.exit.status == 0 && !termination.exit.signalled, "exit 0: \(termination)\n\(oracle.transcript)")
        #expect(termination.elapsed < .seconds(2), "exited \(termination.elapsed) after SIGTERM\n\(oracle.transcript)")
        #expect(oracle.messages.contains("Oracle service stopped"), "\(oracle.transcript)")
        #expect(oracle.stderrLines.isEmpty, "nothing on stderr\n\(oracle.transcript)")
        print("ShutdownTests: GetReading latency \(latency.wholeMilliseconds) ms; SIGTERM → exit \(termination.elapsed.wholeMilliseconds) ms")
    }

    @Test("SIGTERM or SIGINT while idle: exit 0 in < 2 s", arguments: [SIGTERM, SIGINT])
    func signalWhileIdle(signal: Int32) async throws {
        let oracle = try await OracleProcess.againstTestDatabase()
        try await oracle.waitUntilReady()
        try await oracle.waitForMessage { $0 == "Connected to database" }
        let termination = try await oracle.terminate(signal: signal)
        #expect(termination.exit.status == 0 && !termination.exit.signalled, "exit 0 on signal \(signal): \(termination)\n\(oracle.transcript)")
        #expect(termination.elapsed < .seconds(2), "exited \(termination.elapsed) after signal \(signal)\n\(oracle.transcript)")
        #expect(oracle.stderrLines.isEmpty, "\(oracle.transcript)")
        print("ShutdownTests: signal \(signal) → exit \(termination.elapsed.wholeMilliseconds) ms")
    }
}

/// What a health Watch stream has answered so far.
private final class WatchedStatuses: Sendable {
    let statuses = Mutex<[Grpc_Health_V1_HealthCheckResponse.ServingStatus]>([])
}
