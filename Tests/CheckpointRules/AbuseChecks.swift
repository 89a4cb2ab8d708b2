import ProcessRunning
import StackHarness

/// SEC.abuse: what the servers did with the connections `oracle-benchmark load --abuse` misused, and how fast the
/// other clients' `/health` answered meanwhile.
package enum AbuseChecks {
    /// The GOAWAY codes an abusive connection may be closed with. Any other (PROTOCOL_ERROR, FRAME_SIZE_ERROR,
    /// COMPRESSION_ERROR, …) says the abuser's own frames were malformed: the close proves nothing about the abuse.
    package static let abuseCodes: Set<String> = ["NO_ERROR", "ENHANCE_YOUR_CALM"]
    /// The floods: refused as abuse within `Requirements.abuseFloodLimit`, not closed much later for being idle.
    package static let floods: Set<String> = ["rapid-reset", "ping-flood", "settings-flood"]
    /// The connections that go quiet (never ending their streams, or sending nothing): closed within the idle limit.
    package static let quiet: Set<String> = ["endless-streams", "idle", "idle-h2"]
    /// The abuses that send nothing by design.
    package static let silent: Set<String> = ["idle"]

    /// SEC.abuse: every abuse of `Requirements.abusePlan` was run on its service and its connection closed by the
    /// server (floods fast, quiet connections within the idle limit, never for a malformed frame), the gRPC server
    /// advertised its stream limit, and every `/health` poll of `polls` (by what was polled) answered 200 with a p99
    /// under the limit.
    package static func abuse(_ runs: [(service: String, run: OracleAbuseRun)], polls: [(name: String, polls: [HealthPoll])]) -> CheckOutcome {
        var points = RequirementPoints(Requirements.secAbuse.id)
        var closes: [String] = []
        for (service, kinds) in Requirements.abusePlan {
            for kind in kinds {
                guard let run = runs.first(where: { $0.service == service && $0.run.kind == kind })?.run else {
                    points.expect(false, "\(kind) on \(service) was not run")
                    continue
                }
                expect(run, on: service, into: &points)
                closes.append("\(kind) on \(service) \(closeText(run))")
            }
        }
        var answers: [String] = []
        for (name, list) in polls {
            answers.append(expect(list, of: name, into: &points))
        }
        return points.outcome(summary: "\(closes.joined(separator: "; ")); \(answers.joined(separator: "; "))")
    }

    /// The points of one abusive connection on `service`.
    private static func expect(_ run: OracleAbuseRun, on service: String, into points: inout RequirementPoints) {
        let name = "\(run.kind) on \(service) (\(run.target))"
        guard run.connected else {
            points.expect(false, "\(name): no connection: \(run.failure ?? "?")")
            return
        }
        points.expect(silent.contains(run.kind) || run.framesSent > 0, "\(name) sent nothing, so nothing was abused")
        points.expect(run.closed, "\(name) is still open after \(run.holdSeconds.compactText) s")
        let malformed = run.goawayErrors.filter { !abuseCodes.contains($0) }
        points.expect(
            malformed.isEmpty,
            "\(name) was closed with GOAWAY \(malformed.joined(separator: ", ")) \(run.goawayDebug.map { "'\($0)' " } ?? ""): its own frames were malformed, so the abuse was not what closed it"
        )
        let closedAfter = run.closedSeconds.map { Duration.seconds($0) }
        if floods.contains(run.kind), let closedAfter {
            points.expect(
                closedAfter <= Requirements.abuseFloodLimit,
                "\(name) was closed only after \(closedAfter.secondsText), not within \(Requirements.abuseFloodLimit.limitText): not refused as a flood"
            )
        }
        if quiet.contains(run.kind), let closedAfter {
            points.expect(
                closedAfter <= Requirements.abuseIdleLimit,
                "\(name) was closed only after \(closedAfter.secondsText), not within \(Requirements.abuseIdleLimit.limitText)"
            )
        }
        if run.kind == "endless-streams" {
            let advertised = run.advertisedMaxConcurrentStreams
            points.expect(
                advertised.map { $0 <= Requirements.abuseMaxStreams } ?? false,
                "the gRPC server advertised \(advertised.map { "\($0) concurrent streams" } ?? "no stream limit"), not ≤ \(Requirements.abuseMaxStreams)"
            )
            points.expect(run.streamsOpened > 0, "\(name) opened no stream")
        }
        if run.kind == "slowloris", let status = run.httpStatus {
            points.expect(status == 408, "\(name) was answered \(status) before its head was done: the head was malformed")
        }
    }

    /// The points of the `/health` polls of `name`; returns what they came to.
    private static func expect(_ polls: [HealthPoll], of name: String, into points: inout RequirementPoints) -> String {
        points.expect(!polls.isEmpty, "\(name) was not polled during the abuse")
        let failed = polls.filter { $0.status != 200 }
        points.expect(
            failed.isEmpty,
            "\(failed.count) of \(polls.count) \(name) polls were not answered 200 (first at \(failed.first.map { $0.at.secondsText } ?? "?"): \(failed.first?.status.map(String.init) ?? "no answer"))"
        )
        let times = polls.map(\.elapsed).sorted()
        let p99 = times.isEmpty ? .zero : times[max(0, Int((0.99 * Double(times.count)).rounded(.up)) - 1)]
        points.expect(p99 < Requirements.healthAnswerLimit, "\(name) p99 \(p99.secondsText), not < \(Requirements.healthAnswerLimit.limitText)")
        return "\(polls.count) \(name) polls, p99 \(p99.secondsText), slowest \((times.last ?? .zero).secondsText)"
    }

    /// "closed after 0.041 s (GOAWAY ENHANCE_YOUR_CALM 'too_many_pings', eof)", or "open after 75 s".
    private static func closeText(_ run: OracleAbuseRun) -> String {
        guard run.closed, let seconds = run.closedSeconds else { return "open after \(run.holdSeconds.compactText) s" }
        let goaway = run.goawayErrors.isEmpty ? "" : "GOAWAY \(run.goawayErrors.joined(separator: "+"))\(run.goawayDebug.map { " '\($0)'" } ?? ""), "
        return "closed after \(Duration.seconds(seconds).secondsText) (\(goaway)\(run.closedBy ?? "?"))"
    }
}
