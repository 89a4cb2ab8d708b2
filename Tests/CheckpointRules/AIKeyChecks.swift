import Foundation
import StackHarness

/// SEC.aikey's rule: the Messages API key goes only to the configured host, over https or loopback http, and a
/// redirect never carries it on.
package enum AIKeyChecks {
    /// SEC.aikey on a reading through an Oracle whose configured host redirects: the base URL is https or loopback
    /// http; the configured host got the key, only from loopback; the target got no request at all; the reading
    /// answered from the rules; each redirected call logged a warning naming the status and host; no line holds the key.
    package static func keyStaysWithConfiguredHost(_ run: AIKeyRun) -> CheckOutcome {
        var points = RequirementPoints(Requirements.secAIKey.id)
        let url = URLComponents(string: run.baseURL)
        let host = url?.host ?? ""
        points.expect(
            url?.scheme == "https" || (url?.scheme == "http" && isLoopback(host)),
            "ANTHROPIC_BASE_URL \(run.baseURL) is neither https nor http to a loopback host"
        )

        let asked = JSONLogLines(text: run.configuredHostRecords).entries
        let keyed = asked.filter { $0.fields["headers"]?["x-api-key"] != nil }
        points.expect(!keyed.isEmpty, "the configured host recorded \(asked.count) request(s), none with x-api-key, so nothing was tested")
        for request in keyed {
            let peer = request.fields["peer"]?.string ?? "an unknown peer"
            points.expect(isLoopback(peer), "request \(request.lineNumber) brought the key to the configured host from \(peer), not loopback")
            points.expect(
                request.fields["headers"]?["x-api-key"]?.string == run.key,
                "request \(request.lineNumber) to the configured host carried an x-api-key that is not the configured key"
            )
        }

        let followed = JSONLogLines(text: run.targetRecords).entries
        let carried = followed.filter { $0.fields["headers"]?["x-api-key"] != nil }
        points.expect(
            followed.isEmpty,
            "the redirect's target recorded \(followed.count) request(s), \(carried.count) with x-api-key: the redirect was followed"
        )

        let summary = run.reading.json?["summary"]?.string ?? ""
        points.expect(run.reading.status == 200 && !summary.isEmpty, "the reading answered \(run.reading.status): \(run.reading.text.prefix(300))")
        points.expect(!summary.contains(run.targetReply), "the reading's summary is the redirect target's answer")

        // What a warning says, its time left out (a time's digits could hold the status).
        let warnings = JSONLogLines(text: run.oracleLogs).entries(atLevels: ["warning"]).filter { line in
            let said = line.fields.filter { $0.key != "time" }.values.compactMap(\.string).joined(separator: " ")
            return said.contains("\(run.redirectStatus)") && said.contains(host)
        }
        points.expect(
            !host.isEmpty && warnings.count == keyed.count,
            "\(warnings.count) warning(s) name \(run.redirectStatus) and \(host.isEmpty ? "the host" : host), for \(keyed.count) redirected call(s)"
        )
        let leaks = run.oracleLogs.split(separator: "\n").filter { $0.contains(run.key) }
        points.expect(leaks.isEmpty, "the key appears in \(leaks.count) Oracle log line(s)")

        return points.outcome(
            summary: "\(run.baseURL): \(keyed.count) call(s) with the key, all from loopback, answered \(run.redirectStatus) and not followed "
                + "(the target recorded none); the reading answered from the rules; \(warnings.count) warning(s) naming "
                + "\(run.redirectStatus) and \(host); the key in 0 log lines"
        )
    }

    /// Whether `host`, as a URL or a peer address names it, is this machine: localhost, 127.0.0.0/8 or ::1.
    private static func isLoopback(_ host: String) -> Bool {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        if bare.lowercased() == "localhost" { return true }
        var v4 = in_addr()
        if inet_pton(AF_INET, bare, &v4) == 1 { return UInt32(bigEndian: v4.s_addr) >> 24 == 127 }
        var v6 = in6_addr()
        return inet_pton(AF_INET6, bare, &v6) == 1 && withUnsafeBytes(of: v6) { Array($0) } == Array(repeating: 0, count: 15) + [1]
    }
}
