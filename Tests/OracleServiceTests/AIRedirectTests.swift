import AsyncHTTPClient
import Foundation
import ServiceTesting
import Testing

@testable import OracleService

/// SEC.aikey in-process: "a redirect never carries [the key] elsewhere". The configured host is the loopback stand-in
/// answering every request with a redirect to a second loopback listener that nothing accepts from, so a connection
/// to it, had the client followed, would still be waiting in its queue. Calls go through the production client.
@Suite("Interpreter: a Messages API host that redirects is not followed")
struct AIRedirectTests {
    @Test(
        "A host answering every call with a redirect to another listener: the call answers from the rules, the other listener gets no connection, one warning names the status and the host",
        arguments: [301, 302, 303, 307, 308]
    )
    func redirectIsNotFollowed(status: Int) async throws {
        let target = try BusyPort()
        let standIn = try await MessagesAPIStandIn(redirectTo: "http://127.0.0.1:\(target.port)/v1/messages", redirectStatus: status)
        let key = "sk-ant-test-\(UUID().uuidString.lowercased())"
        let logs = CapturedLogs()
        // A followed redirect would wait for the target's answer: 2 s keeps such a failure short.
        let client = MessagesAPIClient(http: .messagesAPI, baseURL: standIn.baseURL, apiKey: key, model: "claude-test", timeout: .seconds(2))
        let interpreter = Interpreter(client: client, logger: logs.logger(level: .debug))
        let answer = await interpreter.interpret(topic: "Redirect \(status)", ruleText: "Rule text")

        #expect(answer.source == .rules && answer.text == "Rule text", "\(answer)\n\(logs.fullText)")
        #expect(target.takeWaitingConnections() == 0, "the redirect's target was connected to")
        let requests = try standIn.requests()
        #expect(requests.count == 1, "one request, to the configured host: \(requests)")
        #expect((requests.first?["headers"] as? [String: Any])?["x-api-key"] as? String == key, "the configured host got the key")
        let warnings = logs.all.filter { $0.level == .warning }
        #expect(warnings.count == 1, "one warning:\n\(logs.fullText)")
        let error = warnings.first?.metadata["error"] ?? ""
        #expect(error.contains("\(status)") && error.contains("127.0.0.1:\(standIn.port)"), "the warning names the status and host: \(error)")
        #expect(!logs.fullText.contains(key), "the key is in no log record")
    }
}
