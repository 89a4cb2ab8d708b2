import Foundation
import GRPCCore
import LogTimeFormat
import OracleAPI
import ServiceTesting
import TestPostgres
import Testing

/// "With ANTHROPIC_API_KEY set, interpretations are written by the Messages API … without a key, or when the call
/// fails or times out, the service logs a warning and answers from its own rules. The key never appears in a log
/// line." Checked on the real binary against the local stand-in of the API.
///
/// Each test runs its own binary, so the AI cache (an hour) and rate limit (one call a second) start empty.
@Suite("AI interpretations and their fallback in the nps-oracle binary")
struct AIFallbackTests {
    /// A key that is easy to find if it ever leaks.
    private static func makeKey() -> String { "sk-ant-test-\(UUID().uuidString.lowercased())" }

    /// Checks `key` appears nowhere the binary wrote: stdout, stderr, the log file.
    private static func expectKeyNeverLogged(_ key: String, by oracle: OracleProcess, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let fileLines = try TemporaryLogDirectory.lines(of: oracle.logFile)
        let leaks = (oracle.stdoutLines + oracle.stderrLines + fileLines).filter { $0.contains(key) }
        #expect(leaks.isEmpty, "the API key appears in \(leaks.count) lines:\n\(leaks.joined(separator: "\n"))", sourceLocation: sourceLocation)
        #expect(!fileLines.isEmpty, "the log file was written", sourceLocation: sourceLocation)
    }

    /// A rule-based reading summary, as the engines write it (the AI's text would be the stand-in's reply).
    private static func isRuleBased(_ summary: String) -> Bool {
        summary.contains("Life path") && summary.contains("personal day")
    }

    @Test(
        "With a key, GetReading's summary is the API's reply; the request carries the key, version 2023-06-01, JSON, NPS_AI_MODEL, bounded max_tokens, a user message"
    )
    func aiAnswerAndRequestShape() async throws {
        let key = Self.makeKey()
        let reply = "The stand-in says: seven is your number today."
        let standIn = try await MessagesAPIStandIn(reply: reply)
        let oracle = try await OracleProcess.againstTestDatabase(environment: [
            "ANTHROPIC_API_KEY": key,
            "ANTHROPIC_BASE_URL": standIn.baseURL,
            "NPS_AI_MODEL": "claude-stand-in-model",
        ])
        try await oracle.waitUntilReady()
        let response = try await oracle.withOracle { client in
            try await client.getReading(.with { $0.datetime = "2026-02-06T01:15:00+08:00" })
        }
        _ = try await oracle.terminate()
        #expect(response.summary == reply, "summary from the AI\n\(oracle.transcript)")

        let requests = try standIn.requests()
        try #require(requests.count == 1, "one request to the stand-in: \(requests)")
        let request = requests[0]
        let headers = try #require(request["headers"] as? [String: Any], "\(request)")
        let body = try #require(request["body"] as? [String: Any], "body is JSON: \(request)")
        #expect(request["method"] as? String == "POST")
        #expect(request["path"] as? String == "/v1/messages")
        #expect(headers["x-api-key"] as? String == key)
        #expect(headers["anthropic-version"] as? String == "2023-06-01")
        #expect((headers["content-type"] as? String)?.hasPrefix("application/json") == true, "\(headers)")
        #expect(body["model"] as? String == "claude-stand-in-model")
        let maxTokens = try #require(body["max_tokens"] as? Int, "max_tokens is an integer: \(body)")
        #expect((1...1024).contains(maxTokens), "max_tokens \(maxTokens) is bounded")
        let messages = try #require(body["messages"] as? [[String: Any]], "\(body)")
        #expect(messages.first?["role"] as? String == "user")
        #expect((messages.first?["content"] as? String)?.contains("2026-02-06") == true, "the prompt names the moment: \(messages)")

        #expect(!oracle.messages.contains { $0.contains("ANTHROPIC_API_KEY") }, "no missing-key warning with a key\n\(oracle.transcript)")
        try Self.expectKeyNeverLogged(key, by: oracle)
    }

    @Test("Without ANTHROPIC_API_KEY: exactly one warning naming it, and answers still come from the rules")
    func missingKeyWarnsOnceAndAnswers() async throws {
        let oracle = try await OracleProcess.againstTestDatabase()
        try await oracle.waitUntilReady()
        let (summaries, question) = try await oracle.withOracle { client in
            var summaries: [String] = []
            for day in 1...3 {
                summaries.append(try await client.getReading(.with { $0.datetime = "2026-03-0\(day)T10:00:00Z" }).summary)
            }
            let question = try await client.getQuestionSign(
                .with {
                    $0.question = "Is 8 the key?"
                    $0.seed = 1
                }
            )
            return (summaries, question)
        }
        let health = try await oracle.health()
        _ = try await oracle.terminate()

        #expect(summaries.allSatisfy(Self.isRuleBased), "rule-based summaries: \(summaries)")
        #expect(!question.interpretation.isEmpty && ["yes", "no", "maybe"].contains(question.answer), "\(question)")
        #expect((health.body["checks"] as? [String: Any])?["ai"] as? String == "fallback", "\(health.body)")
        let warnings = oracle.logLines { $0.contains("ANTHROPIC_API_KEY") }
        #expect(warnings.count == 1, "one line mentions ANTHROPIC_API_KEY\n\(oracle.transcript)")
        #expect(warnings.first?["level"] as? String == "warning", "\(warnings)")
    }

    /// The time the code controls is from the request reaching the API to the fallback's warning: the deadline
    /// plus the Oracle's own reaction. Both ends are wall-clock stamps on this host (the stand-in's record and the
    /// log line), so a loaded machine delaying the test's own client does not move it. The call's end-to-end latency
    /// is printed; REL.aidown bounds it on the stack.
    @Test(
        "NPS_AI_TIMEOUT_SECONDS=1 and an API that takes 3 s: the call succeeds with the rule-based text, falling back within 0.5 s of the deadline, and a warning is logged"
    )
    func timeoutFallsBackToRules() async throws {
        let key = Self.makeKey()
        let standIn = try await MessagesAPIStandIn(delay: 3, reply: "TOO LATE")
        let oracle = try await OracleProcess.againstTestDatabase(environment: [
            "ANTHROPIC_API_KEY": key,
            "ANTHROPIC_BASE_URL": standIn.baseURL,
            "NPS_AI_TIMEOUT_SECONDS": "1",
        ])
        try await oracle.waitUntilReady()
        let (response, latency) = try await oracle.withOracle { client in
            let start = ContinuousClock.now
            let response = try await client.getReading(.with { $0.datetime = "2026-04-01T09:30:00Z" })
            return (response, ContinuousClock.now - start)
        }
        try await oracle.waitForMessage(within: .seconds(5)) { $0.hasPrefix("AI call failed") }
        _ = try await oracle.terminate()

        #expect(Self.isRuleBased(response.summary), "rule-based summary: \(response.summary)")
        let requests = try standIn.requests()
        #expect(requests.count == 1, "the API was asked")
        let warning = oracle.logLines { $0.hasPrefix("AI call failed") }.first
        #expect(warning?["level"] as? String == "warning", "\(oracle.transcript)")
        let asked = try #require(requests.first?["time"] as? Double, "the stand-in records when it was asked")
        let stamp = try #require(warning?[LogLineKey.time.rawValue] as? String, "the warning carries its time")
        let failed = try #require(UnixInstant(rfc3339: stamp), "an RFC 3339 log time: \(stamp)")
        let fallback = Double(failed.seconds) + Double(failed.nanoseconds) / 1e9 - asked
        // The deadline starts when the Oracle sends, a little before the stand-in stamps the arrival.
        #expect(fallback >= 0.9, "the AI was given its second: fell back \(fallback) s after the request")
        #expect(fallback < 1.5, "fell back \(fallback) s after the request, more than 0.5 s past the 1 s deadline")
        try Self.expectKeyNeverLogged(key, by: oracle)
        print(
            "AIFallbackTests: 1 s AI timeout: fallback \(Int(fallback * 1000)) ms after the request; GetReading answered in \(latency.wholeMilliseconds) ms"
        )
    }

    @Test("An API answering 500: the call succeeds with the rule-based text and a warning is logged")
    func serverErrorFallsBackToRules() async throws {
        let key = Self.makeKey()
        let standIn = try await MessagesAPIStandIn(status: 500)
        let oracle = try await OracleProcess.againstTestDatabase(environment: [
            "ANTHROPIC_API_KEY": key,
            "ANTHROPIC_BASE_URL": standIn.baseURL,
        ])
        try await oracle.waitUntilReady()
        let (reading, question) = try await oracle.withOracle { client in
            let reading = try await client.getReading(.with { $0.datetime = "2026-05-01T09:30:00Z" })
            // The rate limit allows one AI call a second; the second call must also reach the API.
            try await Task.sleep(for: .milliseconds(1100))
            let question = try await client.getQuestionSign(
                .with {
                    $0.question = "Will 3 come?"
                    $0.seed = 3
                }
            )
            return (reading, question)
        }
        try await oracle.waitForMessage(within: .seconds(2)) { $0.hasPrefix("AI call failed") }
        _ = try await oracle.terminate()

        #expect(Self.isRuleBased(reading.summary), "rule-based summary: \(reading.summary)")
        #expect(!question.interpretation.isEmpty, "\(question)")
        #expect(try standIn.requests().count == 2, "both calls asked the API")
        let warnings = oracle.logLines { $0.hasPrefix("AI call failed") }
        #expect(warnings.count == 2 && warnings.allSatisfy { $0["level"] as? String == "warning" }, "\(oracle.transcript)")
        #expect(warnings.first.map { "\($0)" }?.contains("500") == true, "the warning says why: \(warnings)")
        try Self.expectKeyNeverLogged(key, by: oracle)
    }

    @Test(
        "An API answering 307 to another listener (SEC.aikey): the reading comes from the rules, that listener gets no connection, one warning line names 307 and the host, the key is in no line"
    )
    func redirectIsNotFollowed() async throws {
        let key = Self.makeKey()
        let target = try BusyPort()
        let standIn = try await MessagesAPIStandIn(redirectTo: "http://127.0.0.1:\(target.port)/v1/messages")
        let oracle = try await OracleProcess.againstTestDatabase(environment: [
            "ANTHROPIC_API_KEY": key,
            "ANTHROPIC_BASE_URL": standIn.baseURL,
            // A followed redirect would wait for the target's answer: 2 s keeps such a failure short.
            "NPS_AI_TIMEOUT_SECONDS": "2",
        ])
        try await oracle.waitUntilReady()
        let reading = try await oracle.withOracle { client in
            try await client.getReading(.with { $0.datetime = "2026-07-01T09:30:00Z" })
        }
        try await oracle.waitForMessage(within: .seconds(5)) { $0.hasPrefix("AI call failed") }
        _ = try await oracle.terminate()

        #expect(Self.isRuleBased(reading.summary), "rule-based summary: \(reading.summary)")
        #expect(target.takeWaitingConnections() == 0, "the redirect's target was connected to")
        #expect(try standIn.requests().count == 1, "one request, to the configured host")
        let warnings = oracle.logLines { $0.hasPrefix("AI call failed") }
        #expect(warnings.count == 1 && warnings.first?["level"] as? String == "warning", "\(oracle.transcript)")
        let warning = warnings.first.map { "\($0)" } ?? ""
        #expect(warning.contains("307") && warning.contains("127.0.0.1:\(standIn.port)"), "the warning names 307 and the host: \(warning)")
        try Self.expectKeyNeverLogged(key, by: oracle)
    }

    @Test(
        "An AI host that refuses connections (a port nothing listens on) is asked once, not once a second: with the 10 s default timeout every call answers from the rules within 2.5 s"
    )
    func hostDownIsAskedOnce() async throws {
        let key = Self.makeKey()
        // NPS_AI_TIMEOUT_SECONDS stays at its 10 s default: the refused connection, not the deadline, must end the call.
        let oracle = try await OracleProcess.againstTestDatabase(environment: [
            "ANTHROPIC_API_KEY": key,
            "ANTHROPIC_BASE_URL": "http://127.0.0.1:\(try unusedPort())",
            "LOG_LEVEL": "debug",
        ])
        try await oracle.waitUntilReady()
        let latencies = try await oracle.withOracle { client in
            var latencies: [Duration] = []
            // Four calls 1.1 s apart: each would pass the one-call-a-second rate limit.
            for day in 1...4 {
                let start = ContinuousClock.now
                let reading = try await client.getReading(.with { $0.datetime = "2026-06-0\(day)T09:30:00Z" })
                latencies.append(ContinuousClock.now - start)
                #expect(Self.isRuleBased(reading.summary), "rule-based summary: \(reading.summary)")
                try await Task.sleep(for: .milliseconds(1100))
            }
            return latencies
        }
        _ = try await oracle.terminate()

        let warnings = oracle.logLines { $0.hasPrefix("AI call failed with no connection to the host;") }
        #expect(warnings.count == 1, "one warning for the outage: \(oracle.transcript)")
        #expect(warnings.first?["level"] as? String == "warning")
        // Counted, not timed: each later call passed the rate limit and was answered without asking the host.
        let skipped = oracle.logLines { $0 == "AI call skipped: the host is down; answering from rules" }
        #expect(skipped.count == 3, "the three later calls skipped the down host: \(oracle.transcript)")
        // REL.aidown's bound, far above a refusal's few milliseconds and far below the 10 s a retrying client would wait.
        #expect(latencies.allSatisfy { $0 <= .milliseconds(2500) }, "no call waits for the host: \(latencies)")
        try Self.expectKeyNeverLogged(key, by: oracle)
        print("AIFallbackTests: AI host down: GetReading latencies \(latencies.map(\.wholeMilliseconds)) ms")
    }
}
