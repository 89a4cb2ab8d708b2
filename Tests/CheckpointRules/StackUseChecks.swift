import Foundation
import StackHarness

/// The rules of Checkpoint 5 on the running stack in use: the api reaching the Oracle, the Oracle
/// writing PostgreSQL, a restart keeping the log, and the AI path with and without a key.
package enum StackUseChecks {
    /// The FC60 cycle of 2026-02-06T01:15:00+08:00 (JDN 2461078 mod 60).
    package static let referenceCycle = 58
    /// The Messages API version header the spec names.
    package static let anthropicVersion = "2023-06-01"

    /// CP5.api over gRPC: a reading through the api has the reference FC60 cycle.
    package static func readingThroughAPI(_ reply: HTTPReply) -> CheckOutcome {
        let cycle = reply.json?["fc60"]?["cycle"]?.int64
        let passed = reply.status == 200 && cycle == Int64(referenceCycle)
        return CheckOutcome(
            id: "CP5.api",
            passed: passed,
            measured: "\(reply.status), fc60.cycle \(cycle.map(String.init) ?? "missing")",
            reason: passed
                ? "GetReading through the api" : "expected 200 with fc60.cycle \(referenceCycle), got \(reply.status): \(reply.text.prefix(300))"
        )
    }

    /// CP5.api over gRPC health: the api's `/api/health` (a gRPC Check to oracle:50052) says SERVING.
    package static func grpcHealthThroughAPI(_ reply: HTTPReply) -> CheckOutcome {
        let oracle = reply.json?["oracle"]?.string
        let passed = reply.status == 200 && oracle == "SERVING"
        return CheckOutcome(
            id: "CP5.api",
            passed: passed,
            measured: "\(reply.status), oracle \(oracle ?? "missing")",
            reason: passed
                ? "grpc.health.v1 Check through the api" : "expected 200 with \"oracle\":\"SERVING\", got \(reply.status): \(reply.text.prefix(300))"
        )
    }

    /// CP5.api over HTTP: the api's `/api/oracle/health` (the api calling oracle:8052/health) is the Oracle's healthy answer.
    package static func httpHealthThroughAPI(_ reply: HTTPReply) -> CheckOutcome {
        let json = reply.json
        let passed = reply.status == 200 && json?["service"]?.string == "oracle" && json?["status"]?.string == "healthy"
        return CheckOutcome(
            id: "CP5.api",
            passed: passed,
            measured: "\(reply.status), \(json?["service"]?.string ?? "?") \(json?["status"]?.string ?? "?")",
            reason: passed
                ? "oracle:8052/health through the api" : "expected 200 with the Oracle's healthy body, got \(reply.status): \(reply.text.prefix(300))"
        )
    }

    /// The number psql printed for `SELECT COUNT(*)`, `nil` if it printed something else.
    package static func count(fromPsql output: String) -> Int? {
        Int(output.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// CP5.db: the count query works, the suggestion was answered, and the count grew within 5 s.
    package static func suggestionStored(before: Int?, after: Int?, suggestion: HTTPReply, waited: Duration) -> CheckOutcome {
        var points = RequirementPoints("CP5.db")
        points.expect(before != nil, "SELECT COUNT(*) FROM oracle_suggestions did not print a number")
        points.expect(suggestion.status == 200, "suggest-range answered \(suggestion.status): \(suggestion.text.prefix(300))")
        if let before, let after {
            points.expect(after > before, "the count stayed \(before) for \(waited.secondsText) after the suggestion")
        } else {
            points.expect(false, "the count after the suggestion is unknown")
        }
        points.expect(
            waited <= Requirements.suggestionWriteLimit,
            "the row took \(waited.secondsText), not ≤ \(Requirements.suggestionWriteLimit.limitText)"
        )
        return points.outcome(
            summary: "oracle_suggestions \(before.map(String.init) ?? "?") → \(after.map(String.init) ?? "?") in \(waited.secondsText)"
        )
    }

    /// CP5.restart: healthy again, "Connected to database" logged again, and every earlier line of oracle.log kept in place.
    package static func restart(healthy: HealthyContainer?, connectedSinceRestart: Int, logBefore: [String], logAfter: [String]) -> CheckOutcome {
        var points = RequirementPoints("CP5.restart")
        points.expect(healthy != nil, "nps-oracle did not become healthy after the restart")
        points.expect(connectedSinceRestart > 0, "no \"Connected to database\" line since the restart")
        points.expect(!logBefore.isEmpty, "oracle.log was empty before the restart")
        let kept = Array(logAfter.prefix(logBefore.count)) == logBefore
        points.expect(
            kept,
            "oracle.log lost or changed earlier lines: \(logBefore.count) before, \(logAfter.count) after, first line now \(logAfter.first?.prefix(120) ?? "none")"
        )
        points.expect(logAfter.count > logBefore.count, "oracle.log got no new lines after the restart (\(logAfter.count) lines)")
        let time = healthy.map { $0.timeToHealthy.secondsText } ?? "never"
        return points.outcome(
            summary:
                "healthy \(time) after start, \"Connected to database\" ×\(connectedSinceRestart) since restart, oracle.log \(logBefore.count) → \(logAfter.count) lines, first line kept"
        )
    }

    /// The complete lines of a log file (a line being written, without its newline yet, is left out).
    package static func completeLines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.removeLast()
        return lines
    }

    /// CP5.ai with a key: the reading's summary is the stand-in's reply.
    package static func aiSummary(_ reply: HTTPReply, expected: String) -> CheckOutcome {
        let summary = reply.json?["summary"]?.string
        let passed = reply.status == 200 && summary == expected
        return CheckOutcome(
            id: "CP5.ai",
            passed: passed,
            measured: "\(reply.status), summary \((summary ?? "missing").debugDescription)",
            reason: passed
                ? "the summary is the Messages API's answer"
                : "expected summary \(expected.debugDescription), got \(reply.status): \(reply.text.prefix(300))"
        )
    }

    /// CP5.ai with a key: the recorded Messages API requests carry `x-api-key` and `anthropic-version: 2023-06-01`,
    /// and the key is in none of the Oracle's log lines.
    package static func aiRequests(recorded: String, key: String, oracleLogs: String) -> CheckOutcome {
        var points = RequirementPoints("CP5.ai")
        let requests = JSONLogLines(text: recorded).entries
        points.expect(!requests.isEmpty, "the Messages API stand-in recorded no request")
        for request in requests {
            let headers = request.fields["headers"]
            points.expect(
                headers?["x-api-key"]?.string == key,
                "request \(request.lineNumber) x-api-key is \(headers?["x-api-key"]?.string == nil ? "missing" : "not the configured key")"
            )
            points.expect(
                headers?["anthropic-version"]?.string == anthropicVersion,
                "request \(request.lineNumber) anthropic-version is \(headers?["anthropic-version"]?.string ?? "missing"), not \(anthropicVersion)"
            )
            points.expect(
                request.fields["path"]?.string == "/v1/messages",
                "request \(request.lineNumber) went to \(request.fields["path"]?.string ?? "?")"
            )
        }
        let leaks = oracleLogs.split(separator: "\n").filter { $0.contains(key) }
        points.expect(leaks.isEmpty, "the key appears in \(leaks.count) Oracle log line(s)")
        return points.outcome(
            summary: "\(requests.count) request(s) to /v1/messages with x-api-key and anthropic-version \(anthropicVersion); key in 0 log lines"
        )
    }

    /// CP5.ai without a key: exactly one warning about ANTHROPIC_API_KEY since the Oracle started, and readings still come.
    package static func keylessFallback(_ lines: JSONLogLines, reading: HTTPReply) -> CheckOutcome {
        var points = RequirementPoints("CP5.ai")
        let warnings = lines.entries(atLevels: ["warning", "warn"]).filter { ($0.message ?? "").contains("ANTHROPIC_API_KEY") }
        points.expect(warnings.count == 1, "\(warnings.count) warnings mention ANTHROPIC_API_KEY since the start, not 1")
        let summary = reading.json?["summary"]?.string ?? ""
        points.expect(reading.status == 200 && !summary.isEmpty, "a reading without a key answered \(reading.status): \(reading.text.prefix(300))")
        return points.outcome(
            summary: "\(warnings.count) ANTHROPIC_API_KEY warning; reading \(reading.status) with a rule-based summary of \(summary.count) characters"
        )
    }
}
