import Foundation
import ProcessRunning
import StackHarness

/// The rules of the Integrity checkpoint (INT.*) on a write run's report and the rows stored for its keys.
package enum IntegrityChecks {
    /// Statuses after which a call's rows may exist though it was not acknowledged: the call may have reached the
    /// Oracle before the answer was lost.
    package static let unknownOutcomes: Set<String> = ["unavailable", "deadline_exceeded", "cancelled", "unknown", "internal_error"]

    /// Every acknowledged call stored exactly once: each acknowledged key has its rows (one suggestion row; for a
    /// session as many insight rows as every other session, each under its own record key), and no key is stored
    /// that was neither acknowledged nor of unknown outcome. `drained` is how long after the fault's end every
    /// acknowledged row was there (nil: never, within the time the test waited). `restarted`, when asked, is whether
    /// the Oracle was restarted meanwhile, which the requirement forbids.
    package static func exactlyOnce(
        _ requirement: Requirement,
        writes: OracleWriteReport,
        stored: StoredWrites,
        drained: Duration?,
        within limit: Duration?,
        restarted: Bool?
    ) -> CheckOutcome {
        var points = RequirementPoints(requirement.id)
        if let restarted { points.expect(!restarted, "the Oracle was restarted") }
        points.expect(writes.ok > 0, "no write was acknowledged (\(writes.statuses)), so nothing was tested: \(writes.firstError ?? "")")
        let acknowledged = Set(writes.acknowledgedKeys)
        let missing = acknowledged.subtracting(stored.keys).sorted()
        points.expect(missing.isEmpty, "\(missing.count) acknowledged calls have no row (lost), e.g. \(missing.prefix(3).joined(separator: ", "))")
        let twice = stored.suggestionRows.filter { $0.value > 1 }.keys.sorted()
        points.expect(twice.isEmpty, "\(twice.count) suggestions stored more than once, e.g. \(twice.prefix(3).joined(separator: ", "))")
        let perSession = Set(stored.insightRows.values.map(\.rows))
        points.expect(
            perSession.count <= 1,
            "sessions hold different numbers of insight rows (\(perSession.sorted())): some were stored more than once"
        )
        let duplicated = stored.insightRows.filter { $0.value.rows != $0.value.keys }.keys.sorted()
        points.expect(
            duplicated.isEmpty,
            "\(duplicated.count) sessions have rows under the same record key, e.g. \(duplicated.prefix(3).joined(separator: ", "))"
        )
        let unknown = writes.statuses.filter { unknownOutcomes.contains($0.key) }.values.reduce(0, +)
        let extra = stored.keys.subtracting(acknowledged).count
        points.expect(extra <= unknown, "\(extra) keys stored that were never acknowledged, more than the \(unknown) calls of unknown outcome")
        if let limit {
            if let drained {
                points.expect(
                    drained <= limit,
                    "the last acknowledged row came \(drained.secondsText) after the database was back, not ≤ \(limit.limitText)"
                )
            } else {
                points.expect(false, "not every acknowledged row came while the test waited")
            }
        }
        let sessions = stored.insightRows.count
        let rowsPerSession = perSession.first.map(String.init) ?? "0"
        return points.outcome(
            summary: "\(writes.ok) acknowledged (\(writes.acknowledgedSuggestions) SuggestRange, \(writes.acknowledgedAnalyses) AnalyzeSession), "
                + "\(writes.errors) not acknowledged\(statusText(writes.statuses)); "
                + "stored once: \(stored.suggestionRows.count) suggestion rows, \(sessions) sessions × \(rowsPerSession) insight rows"
                + (drained.map { ", all stored \($0.secondsText) after the database was back" } ?? "")
        )
    }

    /// INT.poison: the poison record was set aside (one more line in the dead-letter file, one ERROR line naming the
    /// table and the SQLSTATE, `/health` counting it) and the records after it were all stored within the limit.
    package static func poison(
        writes: OracleWriteReport,
        stored: StoredWrites,
        drained: Duration?,
        errorLines: [JSONLogLine],
        setAside: (before: Int, after: Int),
        healthSetAside: Int?
    ) -> CheckOutcome {
        var points = RequirementPoints(Requirements.intPoison.id)
        points.expect(writes.ok == writes.requested, "\(writes.errors) of the writes after it failed: \(writes.statuses)")
        let lost = Set(writes.acknowledgedKeys).subtracting(stored.keys).count
        points.expect(lost == 0, "\(lost) records after the poison one were not stored")
        if let drained {
            points.expect(
                drained <= Requirements.poisonLimit,
                "the records after it took \(drained.secondsText), not ≤ \(Requirements.poisonLimit.limitText)"
            )
        } else {
            points.expect(false, "the records after it were not all stored while the test waited")
        }
        points.expect(
            setAside.after == setAside.before + 1,
            "the dead-letter file went from \(setAside.before) to \(setAside.after) lines, not one more"
        )
        let setAsideLines = errorLines.filter { $0.message == "Record set aside: the database refuses it for good" }
        points.expect(
            errorLines.count == 1 && setAsideLines.count == 1,
            "\(errorLines.count) ERROR lines (\(errorLines.compactMap(\.message))), not one that sets the record aside"
        )
        let line = setAsideLines.first
        points.expect(
            line?.fields["table"]?.string == "insights",
            "the ERROR line names table \(line?.fields["table"]?.string ?? "none"), not insights"
        )
        let reason = line?.fields["reason"]?.string ?? ""
        points.expect(reason.contains("SQLSTATE 22"), "the ERROR line's reason is '\(reason)', without the SQLSTATE")
        points.expect(
            healthSetAside == setAside.after,
            "/health says set_aside \(healthSetAside.map(String.init) ?? "nothing"), the file holds \(setAside.after)"
        )
        return points.outcome(
            summary: "set aside with one ERROR line (table insights, reason '\(reason)'), /health set_aside \(healthSetAside ?? 0); "
                + "the \(writes.ok) records after it stored in \(drained?.secondsText ?? "-")"
        )
    }

    // " (unavailable: 10, deadline_exceeded: 1)", or nothing when every call was acknowledged.
    private static func statusText(_ statuses: [String: Int]) -> String {
        statuses.isEmpty ? "" : " (" + statuses.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + ")"
    }

    /// The number of lines in `data` (a dead-letter file; nil when there is none).
    package static func lineCount(of data: Data?) -> Int {
        data.map { $0.reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 } } ?? 0
    }

    /// A spool line, in the Oracle's format, of an insight PostgreSQL cannot store: its session_id holds a NUL
    /// (SQLSTATE 22021), which the API refuses today but an older Oracle may have acknowledged.
    package static func poisonSpoolLine(key: String) -> String {
        #"{"key":"\#(key)","record":{"insight":{"type":"session","sealedContent":"v1:poison","source":"rules","sessionID":"bad\u0000id"}}}"# + "\n"
    }

    /// INT.backpressure: past the bound, writes were refused with UNAVAILABLE or RESOURCE_EXHAUSTED saying the backlog
    /// is full, `/health` reported the waiting records, and every acknowledged one was stored once afterwards.
    package static func backpressure(
        bound: String,
        writes: OracleWriteReport,
        pendingReported: Int?,
        stored: StoredWrites
    ) -> CheckOutcome {
        var points = RequirementPoints(Requirements.intBackpressure.id)
        let refused = (writes.statuses["unavailable"] ?? 0) + (writes.statuses["resource_exhausted"] ?? 0)
        points.expect(refused > 0, "no write was refused past \(bound): statuses \(writes.statuses)")
        let message = writes.messages["unavailable"] ?? writes.messages["resource_exhausted"] ?? ""
        points.expect(refused == 0 || message.contains("backlog is full"), "the refusal does not say why: '\(message)'")
        let other = writes.statuses.filter { $0.key != "unavailable" && $0.key != "resource_exhausted" }
        points.expect(other.isEmpty, "other failures: \(other)")
        points.expect(
            pendingReported == writes.ok,
            "/health reported \(pendingReported.map(String.init) ?? "no") pending records, not the \(writes.ok) acknowledged"
        )
        let lost = Set(writes.acknowledgedKeys).subtracting(stored.keys).count
        points.expect(lost == 0, "\(lost) acknowledged writes were not stored (OK, then dropped)")
        let extra = stored.keys.subtracting(writes.acknowledgedKeys).count
        points.expect(extra == 0, "\(extra) refused writes were stored anyway")
        return points.outcome(
            summary: "\(bound): \(writes.ok) acknowledged, \(refused) refused ('\(message.prefix(120))'), /health pending "
                + "\(pendingReported.map(String.init) ?? "-"); every acknowledged write stored, no refused one"
        )
    }
}
