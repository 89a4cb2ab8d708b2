import Foundation
import StackHarness

/// The rules of Checkpoint 5 on a start of the stack: how fast every service is healthy, in which
/// order they started, what the Oracle logged, and that nothing logged an error.
package enum StartupChecks {
    /// The lines the stack depends on, matched against the message field of the Oracle's JSON lines.
    package static let oracleStartupMessages = ["Oracle service started", "gRPC server listening on 50052", "Connected to database"]
    /// Levels that count as errors in the JSON logs (swift-log's error and critical, and the usual aliases).
    package static let errorLevels: Set<String> = ["error", "critical", "crit", "fatal", "panic", "emergency", "alert"]
    /// Markers of error-level lines in the plain-text logs: PostgreSQL's severities and nginx's levels.
    package static let plainErrorMarkers = ["ERROR:", "FATAL:", "PANIC:", "[error]", "[crit]", "[alert]", "[emerg]"]

    /// The services whose start must wait for a dependency's first healthy probe: (dependency, dependent).
    package static let startOrder: [(before: String, after: String)] = [
        ("postgres", "oracle"), ("postgres", "scanner"),
        ("oracle", "api"), ("scanner", "api"),
        ("api", "web-ui"),
    ]

    /// CP5.healthy: every service was healthy within the spec's limit of `up -d`.
    package static func allHealthy(_ readiness: [ServiceReadiness], expected: [String] = StackServices.all) -> CheckOutcome {
        var points = RequirementPoints("CP5.healthy")
        for service in expected where !readiness.contains(where: { $0.service == service }) {
            points.expect(false, "\(service) was not measured")
        }
        for entry in readiness {
            if let failure = entry.failure {
                points.expect(false, "\(entry.service) not healthy: \(failure)")
            } else if let sinceUp = entry.sinceUp {
                points.expect(
                    sinceUp <= Requirements.stackHealthyLimit,
                    "\(entry.service) healthy \(sinceUp.secondsText) after up, not ≤ \(Requirements.stackHealthyLimit.limitText)"
                )
            } else {
                points.expect(false, "\(entry.service) has no healthy time")
            }
        }
        let times = readiness.map { entry in
            guard let sinceUp = entry.sinceUp else { return "\(entry.service) —" }
            let own = entry.timeToHealthy.map { " (\($0.secondsText) from its start)" } ?? ""
            return "\(entry.service) \(sinceUp.secondsText)\(own)"
        }
        return points.outcome(summary: "healthy after up: " + times.joined(separator: ", "))
    }

    /// CP5.order: each service started only after what it depends on was healthy (oracle and scanner may overlap).
    package static func startOrder(_ timelines: [String: ServiceTimeline], upStartedAt: Date) -> CheckOutcome {
        var points = RequirementPoints("CP5.order")
        for (before, after) in startOrder {
            guard let healthy = timelines[before]?.healthyAt else {
                points.expect(false, "no healthy event for \(before)")
                continue
            }
            guard let started = timelines[after]?.startedAt else {
                points.expect(false, "no start event for \(after)")
                continue
            }
            points.expect(
                healthy <= started,
                "\(after) started \(offset(started, upStartedAt)) before \(before) was healthy (\(offset(healthy, upStartedAt)))"
            )
        }
        let offsets = StackServices.all.map { service in
            let timeline = timelines[service]
            return
                "\(service) start \(timeline?.startedAt.map { offset($0, upStartedAt) } ?? "—") healthy \(timeline?.healthyAt.map { offset($0, upStartedAt) } ?? "—")"
        }
        return points.outcome(summary: offsets.joined(separator: "; "))
    }

    /// CP5.logs: the Oracle's JSON lines carry the three startup messages.
    package static func oracleStartupLines(_ lines: JSONLogLines) -> CheckOutcome {
        var points = RequirementPoints("CP5.logs")
        let messages = lines.entries.compactMap(\.message)
        var found: [String] = []
        for wanted in oracleStartupMessages {
            let count = messages.count { $0.contains(wanted) }
            points.expect(count > 0, "no line with message \"\(wanted)\" among \(messages.count) JSON lines")
            found.append("\"\(wanted)\" ×\(count)")
        }
        return points.outcome(summary: found.joined(separator: ", "))
    }

    /// The error-level lines of one service's log: by level for JSON lines, by marker for plain text.
    package static func errorLines(in text: String) -> [String] {
        let parsed = JSONLogLines(text: text)
        let structured = parsed.entries(atLevels: errorLevels).map(\.text)
        let plain = parsed.rejected.map(\.text).filter { line in plainErrorMarkers.contains { line.contains($0) } }
        return structured + plain
    }

    /// CP5.clean: no service logged an error-level line during the start. `logs` holds each service's log text
    /// in the start's window; the services in `talkative` always log at start, so an empty window means a wrong window.
    package static func cleanStart(_ logs: [String: String], talkative: Set<String> = ["postgres", "oracle", "scanner", "api"]) -> CheckOutcome {
        var points = RequirementPoints("CP5.clean")
        var scanned: [String] = []
        var total = 0
        for service in logs.keys.sorted() {
            let text = logs[service] ?? ""
            let lineCount = text.split(separator: "\n").count
            let errors = errorLines(in: text)
            total += errors.count
            if talkative.contains(service) {
                points.expect(lineCount > 0, "\(service) has no log line in the start's window")
            }
            points.expect(errors.isEmpty, "\(service): \(errors.count) error line(s), first: \(errors.first?.prefix(300) ?? "")")
            scanned.append("\(service) \(lineCount)")
        }
        return points.outcome(summary: "\(total) error-level lines; lines scanned: \(scanned.joined(separator: ", "))")
    }

    /// A moment as an offset from `origin`: "+3.512 s".
    package static func offset(_ moment: Date, _ origin: Date) -> String {
        String(format: "%+.3f s", moment.timeIntervalSince(origin))
    }
}
