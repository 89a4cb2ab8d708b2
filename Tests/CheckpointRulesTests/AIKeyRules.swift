import CheckpointRules
import Foundation
import StackHarness
import Testing

/// SEC.aikey's rule on a reading through an Oracle whose configured Messages API host redirects every request: the
/// run a client that never follows gives, and the runs a broken client or configuration would give.
@Suite("AI key rule (SEC.aikey) on a redirected reading")
struct AIKeyRules {
    private static let key = "checkpoint-test-key"
    private static let targetReply = "CHECKPOINT AI REPLY"

    /// One request as the stand-in records it (fixtures/messages-api-stand-in), from `peer`, with `key` if given.
    private static func record(peer: String = "127.0.0.1", key: String? = key) -> String {
        let keyHeader = key.map { #""x-api-key": "\#($0)", "# } ?? ""
        return #"{"body": {"max_tokens": 300, "model": "claude-sonnet-4-5"}, "headers": {"anthropic-version": "2023-06-01", "#
            + #""content-type": "application/json", \#(keyHeader)"host": "127.0.0.1:8080"}, "method": "POST", "path": "/v1/messages", "#
            + #""peer": "\#(peer)", "time": 1796428742.98965}"#
    }

    /// The Oracle's warning for a call its host answered `status`, as its JSON log line is written.
    private static func warning(status: Int = 307, host: String = "127.0.0.1:8080") -> String {
        #"{"time":"2026-12-05T10:00:01.002Z","level":"warning","message":"AI call failed; answering from rules","label":"nps.oracle","#
            + #""source":"OracleService","meta_error":"Messages API host \#(host) answered \#(status), a redirect, which is not followed: "#
            + #"the key goes to that host only","topic":"Numerology reading for 2026-02-06T01:15:00+08:00"}"#
    }

    /// A reading whose summary is `summary`.
    private static func reading(_ summary: String = "Life path 7 on a personal day 3: a day for quiet work.", status: Int = 200) -> HTTPReply {
        HTTPReply(
            request: "GET http://127.0.0.1:32801/api/oracle/reading?datetime=2026-02-06T01:15:00%2B08:00",
            status: status,
            body: Data(#"{"summary": "\#(summary)", "fc60": "VE-OX-OXFI"}"#.utf8),
            elapsed: .milliseconds(40)
        )
    }

    /// The run of a correct Oracle, with one part replaced when given.
    private static func run(
        baseURL: String = "http://127.0.0.1:8080",
        configuredHost: String = record(),
        target: String = "",
        reading: HTTPReply = reading(),
        logs: String = #"{"time":"2026-12-05T10:00:00.001Z","level":"info","message":"Oracle ready","label":"nps.oracle","source":"OracleService"}"#
            + "\n" + warning()
    ) -> AIKeyRun {
        AIKeyRun(
            baseURL: baseURL,
            key: key,
            redirectStatus: 307,
            configuredHostRecords: configuredHost + "\n",
            targetRecords: target,
            targetReply: targetReply,
            reading: reading,
            oracleLogs: logs
        )
    }

    @Test("A reading whose call was redirected and not followed holds SEC.aikey, for loopback http and for https")
    func notFollowedHolds() {
        let outcome = AIKeyChecks.keyStaysWithConfiguredHost(Self.run())
        #expect(outcome.passed, "\(outcome.reason)")
        #expect(outcome.id == Requirements.secAIKey.id)
        #expect(outcome.measured.contains("1 call(s) with the key, all from loopback, answered 307 and not followed"), "\(outcome.measured)")
        let https = AIKeyChecks.keyStaysWithConfiguredHost(
            Self.run(baseURL: "https://api.example.com", logs: Self.warning(host: "api.example.com"))
        )
        #expect(https.passed, "\(https.reason)")
    }

    @Test("A redirect target that recorded a request carrying x-api-key fails: the redirect was followed")
    func followedFails() {
        let outcome = AIKeyChecks.keyStaysWithConfiguredHost(
            Self.run(target: Self.record(peer: "172.26.0.9") + "\n", reading: Self.reading(Self.targetReply))
        )
        #expect(!outcome.passed)
        #expect(
            outcome.reason.contains("the redirect's target recorded 1 request(s), 1 with x-api-key: the redirect was followed"),
            "\(outcome.reason)"
        )
        #expect(outcome.reason.contains("the reading's summary is the redirect target's answer"), "\(outcome.reason)")
    }

    @Test("Plain http to a host that is not loopback fails, as the configuration before SEC.aikey allowed it")
    func plainHTTPFails() {
        let outcome = AIKeyChecks.keyStaysWithConfiguredHost(
            Self.run(
                baseURL: "http://nps-checkpoint-messages-api:8080",
                configuredHost: Self.record(peer: "172.26.0.8"),
                logs: Self.warning(host: "nps-checkpoint-messages-api:8080")
            )
        )
        #expect(!outcome.passed)
        #expect(
            outcome.reason.contains("ANTHROPIC_BASE_URL http://nps-checkpoint-messages-api:8080 is neither https nor http to a loopback host"),
            "\(outcome.reason)"
        )
        #expect(outcome.reason.contains("request 1 brought the key to the configured host from 172.26.0.8, not loopback"), "\(outcome.reason)")
    }

    @Test("A run in which no call carried the key proves nothing and fails")
    func noKeyedCallFails() {
        let unkeyed = AIKeyChecks.keyStaysWithConfiguredHost(Self.run(configuredHost: Self.record(key: nil), logs: ""))
        #expect(!unkeyed.passed)
        #expect(unkeyed.reason.contains("the configured host recorded 1 request(s), none with x-api-key, so nothing was tested"), "\(unkeyed.reason)")
        let silent = AIKeyChecks.keyStaysWithConfiguredHost(Self.run(configuredHost: "", logs: ""))
        #expect(!silent.passed && silent.reason.contains("recorded 0 request(s)"), "\(silent.reason)")
    }

    @Test("A redirect with no warning naming its status and host fails, as does the key in a log line")
    func warningAndLeakFail() {
        let unwarned = AIKeyChecks.keyStaysWithConfiguredHost(Self.run(logs: Self.warning(status: 500)))
        #expect(!unwarned.passed)
        #expect(unwarned.reason.contains("0 warning(s) name 307 and 127.0.0.1, for 1 redirected call(s)"), "\(unwarned.reason)")
        let leaked = AIKeyChecks.keyStaysWithConfiguredHost(
            Self.run(logs: Self.warning() + "\n" + #"{"level":"debug","message":"x-api-key \#(Self.key)"}"#)
        )
        #expect(!leaked.passed && leaked.reason == "the key appears in 1 Oracle log line(s)", "\(leaked.reason)")
    }

    @Test("A reading that failed fails the rule")
    func failedReadingFails() {
        let outcome = AIKeyChecks.keyStaysWithConfiguredHost(Self.run(reading: Self.reading("", status: 503)))
        #expect(!outcome.passed && outcome.reason.hasPrefix("the reading answered 503"), "\(outcome.reason)")
    }
}
