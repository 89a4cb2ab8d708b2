import CheckpointRules
import Foundation
import ProcessRunning
import StackHarness
import Testing

extension Checkpoints.Security {
    @Test(
        "SEC.aikey: the Messages API key is sent only to the configured host over HTTPS (loopback excepted for tests); a redirect never carries it elsewhere",
        arguments: [Requirements.secAIKey]
    )
    func secAIKey(_ requirement: Requirement) async throws {
        let stack = Stack.shared
        try await stack.ensureRunning()
        let docker = stack.docker
        try await AIStandIn.withStack(redirecting: true) { apiPort in
            let reading = try await HTTPFetch.get(
                URL(string: "http://127.0.0.1:\(apiPort)\(Checkpoints.Checkpoint5.readingPath)")!,
                timeout: .seconds(30)
            )
            let configuredHost = try await docker.exec(AIStandIn.messagesAPI, ["cat", AIStandIn.recordFile], timeout: .seconds(30))
            let target = try await docker.exec(AIStandIn.redirectTarget, ["cat", AIStandIn.recordFile], timeout: .seconds(30))
            // The stand-ins create their record files at start: an unreadable one is no proof that nothing came.
            try #require(configuredHost.succeeded && target.succeeded, "\(configuredHost.transcript)\n\(target.transcript)")
            let baseURL = try await docker.inspectContainer(AIStandIn.oracle).config.environment["ANTHROPIC_BASE_URL"] ?? ""
            let outcome = { (logs: CommandResult) in
                AIKeyChecks.keyStaysWithConfiguredHost(
                    AIKeyRun(
                        baseURL: baseURL,
                        key: AIStandIn.key,
                        redirectStatus: AIStandIn.redirectStatus,
                        configuredHostRecords: configuredHost.standardOutput,
                        targetRecords: target.standardOutput,
                        targetReply: AIStandIn.reply,
                        reading: reading,
                        oracleLogs: logs.standardOutput + "\n" + logs.standardError
                    )
                )
            }
            // The warning is written before the reading is answered, but the engine may copy it to its log a moment
            // later: the logs are read again for a few seconds while the rule does not hold.
            let clock = ContinuousClock()
            let asked = clock.now
            var checked = outcome(try await docker.logs(AIStandIn.oracle))
            while !checked.passed, clock.now - asked < .seconds(5) {
                try await Task.sleep(for: .milliseconds(200))
                checked = outcome(try await docker.logs(AIStandIn.oracle))
            }
            try await prove(
                Measurement(
                    checked,
                    subject:
                        "a reading through an Oracle with a key whose Messages API host answers \(AIStandIn.redirectStatus) to a recording target",
                    limit: requirement.limit,
                    measuredBy: configuredHost
                )
            )
        }
    }
}
