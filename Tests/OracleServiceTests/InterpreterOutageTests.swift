import AsyncHTTPClient
import Foundation
import ServiceTesting
import Testing

@testable import OracleService

/// REL.aidown on the Interpreter in-process: "with a key set and the AI host unresolvable or black-holed, every answer
/// is still OK from the rules, p99 ≤ 2.5 s". Calls go through the production HTTP client (`HTTPClient.messagesAPI`)
/// to loopback listeners or a name that cannot resolve; the AI timeout stays at its 10 s default where the point is
/// that the connect bound, not the timeout, ends the wait.
///
/// Serialized: each test times its calls, and the others' calls would only add noise.
@Suite("Interpreter: an AI host that cannot be reached, that never answers, that answers slowly, that comes back", .serialized)
struct InterpreterOutageTests {
    /// REL.aidown's bound on a call while the AI host is away.
    private static let budget: Duration = .milliseconds(2500)
    /// The warning that opens an outage.
    private static let outageWarning = "AI call failed with no connection to the host;"

    /// One call's outcome and how long the caller waited for it.
    private struct Call {
        let source: Interpreter.Source
        let latency: Duration
    }

    /// An interpreter with a key, calling `baseURL` through the production client.
    private static func makeInterpreter(baseURL: String, timeout: Duration, probeInterval: Duration, logs: CapturedLogs) -> Interpreter {
        let client = MessagesAPIClient(http: .messagesAPI, baseURL: baseURL, apiKey: "sk-ant-test-key", model: "claude-test", timeout: timeout)
        return Interpreter(client: client, logger: logs.logger(level: .debug), probeInterval: probeInterval)
    }

    /// Starts `count` calls `spacing` apart, each on its own task so a slow one holds up no other, and returns them in
    /// the order they started.
    private static func fireCalls(at interpreter: Interpreter, count: Int = 100, spacing: Duration = .milliseconds(20)) async -> [Call] {
        await withTaskGroup(of: (Int, Call).self) { group in
            for index in 0..<count {
                group.addTask {
                    let start = ContinuousClock.now
                    let answer = await interpreter.interpret(topic: "Call \(index)", ruleText: "Rule text \(index)")
                    return (index, Call(source: answer.source, latency: ContinuousClock.now - start))
                }
                try? await Task.sleep(for: spacing)
            }
            var calls: [Int: Call] = [:]
            for await (index, call) in group { calls[index] = call }
            return (0..<count).compactMap { calls[$0] }
        }
    }

    /// The warnings among `logs` whose message starts with `prefix`.
    private static func warnings(_ logs: CapturedLogs, _ prefix: String) -> [CapturedLogs.Record] {
        logs.all.filter { $0.level == .warning && $0.message.hasPrefix(prefix) }
    }

    /// Checks REL.aidown on `calls`: all answered from the rules, the slowest (the first included) within the budget.
    private static func expectAnsweredFromRulesInBudget(_ calls: [Call], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(calls.count == 100, sourceLocation: sourceLocation)
        #expect(calls.allSatisfy { $0.source == .rules }, "every call answered from the rules", sourceLocation: sourceLocation)
        let slowest = calls.map(\.latency).max() ?? .zero
        #expect(
            slowest <= budget,
            "slowest call \(slowest.wholeMilliseconds) ms; first \(calls.first?.latency.wholeMilliseconds ?? -1) ms",
            sourceLocation: sourceLocation
        )
    }

    @Test("An unresolvable AI host: 100 calls answered from the rules, the slowest within 2.5 s, one warning, probes in the background")
    func unresolvableHost() async throws {
        let logs = CapturedLogs()
        let interpreter = Self.makeInterpreter(
            baseURL: "http://nps-no-such-host.invalid",
            timeout: .seconds(10),
            probeInterval: .milliseconds(250),
            logs: logs
        )
        let calls = await Self.fireCalls(at: interpreter)

        Self.expectAnsweredFromRulesInBudget(calls)
        #expect(Self.warnings(logs, Self.outageWarning).count == 1, "one warning for the outage:\n\(logs.fullText)")
        #expect(logs.messages.contains("AI host probe: still no connection"), "the host was probed in the background:\n\(logs.fullText)")
        print("InterpreterOutageTests: unresolvable host: slowest of 100 calls \(calls.map(\.latency).max()?.wholeMilliseconds ?? -1) ms")
    }

    @Test("A black-holed AI host (connection attempts dropped): 100 calls answered from the rules, the slowest within 2.5 s, one warning")
    func blackHoledHost() async throws {
        let blackHole = try BlackHoleListener()
        let logs = CapturedLogs()
        let interpreter = Self.makeInterpreter(
            baseURL: "http://127.0.0.1:\(blackHole.port)",
            timeout: .seconds(10),
            probeInterval: .milliseconds(250),
            logs: logs
        )
        let calls = await Self.fireCalls(at: interpreter)

        Self.expectAnsweredFromRulesInBudget(calls)
        let warnings = Self.warnings(logs, Self.outageWarning)
        #expect(warnings.count == 1, "one warning for the outage:\n\(logs.fullText)")
        #expect(warnings.first?.metadata["error"]?.contains("connectTimeout") == true, "the connect attempt timed out: \(warnings)")
        print("InterpreterOutageTests: black-holed host: slowest of 100 calls \(calls.map(\.latency).max()?.wholeMilliseconds ?? -1) ms")
    }

    @Test(
        "An AI host that takes the connection and never answers, NPS_AI_TIMEOUT_SECONDS=1: calls that reach it fall back at the deadline, all within 2.5 s"
    )
    func silentHost() async throws {
        // The kernel completes the handshake for a listener nobody accepts from, and takes the request; no answer comes.
        let silent = try BusyPort()
        let logs = CapturedLogs()
        let interpreter = Self.makeInterpreter(
            baseURL: "http://127.0.0.1:\(silent.port)",
            timeout: .seconds(1),
            probeInterval: .milliseconds(250),
            logs: logs
        )
        let calls = await Self.fireCalls(at: interpreter)

        Self.expectAnsweredFromRulesInBudget(calls)
        let timedOut = calls.filter { $0.latency >= .milliseconds(900) }
        #expect(!timedOut.isEmpty, "some calls reached the host and waited for its answer: \(calls.map(\.latency.wholeMilliseconds))")
        #expect(timedOut.allSatisfy { $0.latency < .milliseconds(1500) }, "fell back within 0.5 s of the deadline: \(timedOut.map(\.latency))")
        // It was reached: slow, not away, so it is not counted as down.
        #expect(Self.warnings(logs, Self.outageWarning).isEmpty, "\(logs.fullText)")
        #expect(Self.warnings(logs, "AI call failed; answering from rules").count == timedOut.count, "\(logs.fullText)")
        print("InterpreterOutageTests: silent host: slowest of 100 calls \(calls.map(\.latency).max()?.wholeMilliseconds ?? -1) ms")
    }

    @Test("An API answering in 2 s, longer than the connect bound, within its 5 s timeout: the AI's answer is used")
    func slowAnswerIsHonoured() async throws {
        let standIn = try await MessagesAPIStandIn(delay: 2, reply: "Slow but sure.")
        let logs = CapturedLogs()
        let interpreter = Self.makeInterpreter(baseURL: standIn.baseURL, timeout: .seconds(5), probeInterval: .seconds(30), logs: logs)
        let start = ContinuousClock.now
        let answer = await interpreter.interpret(topic: "Slow topic", ruleText: "Rule text")
        let latency = ContinuousClock.now - start

        #expect(answer.source == .ai && answer.text == "Slow but sure.", "\(answer)\n\(logs.fullText)")
        #expect(latency >= .seconds(2), "the answer took the stand-in's 2 s: \(latency)")
    }

    @Test("An AI host that comes back: calls answer from the rules while it is away, and from the AI after the next background probe")
    func hostComesBack() async throws {
        let port = try unusedPort()
        let logs = CapturedLogs()
        let interpreter = Self.makeInterpreter(
            baseURL: "http://127.0.0.1:\(port)",
            timeout: .seconds(5),
            probeInterval: .milliseconds(200),
            logs: logs
        )
        let first = await interpreter.interpret(topic: "Away 1", ruleText: "Rule text")
        let skipped = await interpreter.interpret(topic: "Away 2", ruleText: "Rule text")
        #expect(first.source == .rules && skipped.source == .rules)
        #expect(logs.messages.contains("AI call skipped: the host is down; answering from rules"), "\(logs.fullText)")

        let standIn = try await MessagesAPIStandIn(port: port, reply: "Back again.")
        let back = ContinuousClock.now
        _ = try await logs.waitFor("AI host answers again", within: .seconds(10))
        var answer = await interpreter.interpret(topic: "Back 0", ruleText: "Rule text")
        // The first call may still fall within a second of the last one that asked the host.
        for attempt in 1...15 where answer.source != .ai {
            try await Task.sleep(for: .milliseconds(100))
            answer = await interpreter.interpret(topic: "Back \(attempt)", ruleText: "Rule text")
        }

        #expect(answer.source == .ai && answer.text == "Back again.", "\(answer)\n\(logs.fullText)")
        #expect(Self.warnings(logs, Self.outageWarning).count == 1, "one warning for the outage:\n\(logs.fullText)")
        #expect(try standIn.requests().count == 1, "the probes cost no Messages API call")
        print("InterpreterOutageTests: host back: AI answers \((ContinuousClock.now - back).wholeMilliseconds) ms after its listener started")
    }
}
