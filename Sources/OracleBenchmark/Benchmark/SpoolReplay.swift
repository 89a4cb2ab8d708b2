import ProcessRunning

/// The spool replay phase's figures: a server with the database away spools N acknowledged SuggestRange records and
/// stops; a second one on the same spool with the database up stores them; how long from its start to `pending: 0`.
struct SpoolReplay: Sendable {
    /// The records spooled when `--duration` allows it.
    static let defaultRecords = 20_000
    /// Records spooled per second of `--duration`, so a short run spools fewer.
    static let recordsPerDurationSecond = 4_000
    /// The longest the spooling may take; the records acknowledged by then are the N (keeps the phase near a minute).
    static let fillBudget: Duration = .seconds(30)
    /// The longest the second server gets to store them all.
    static let drainBound: Duration = .seconds(120)
    /// How often /health is asked for `pending` while the second server stores the records.
    static let pollInterval: Duration = .milliseconds(50)

    /// Records acknowledged by the first server, every one of them in its spool: the N of the figure.
    var records = 0
    /// What became of the spooling calls not acknowledged ("" when all were), as `WriteThroughput` words it.
    var unacknowledged = ""
    /// The first server's /health `pending` once every call had ended; nil when it gave none.
    var spooled: Int?
    /// From the second server's process start until its /health said `pending: 0`; nil when not within `drainBound`.
    var drained: Duration?
    /// The second server's last /health `pending`, which says how far it got when it did not drain.
    var lastPending: Int?
    /// Rows of oracle_suggestions under the spooled records' keys once drained, as psql counted them.
    var stored: Result<Int, BenchmarkFailure> = .success(0)

    /// The records to spool for phases of `duration`: 4,000 per second of it, at most 20,000.
    static func records(for duration: Duration) -> Int {
        min(defaultRecords, max(1, Int(duration.inSeconds * Double(recordsPerDurationSecond))))
    }

    /// Records stored per second from the second server's start to `pending: 0`; nil when it did not get there.
    var recordsPerSecond: Double? {
        drained.map { $0 > .zero ? Double(records) / $0.inSeconds : 0 }
    }

    /// Each way the phase fell short: calls not acknowledged, a spool that did not hold them all, no drain, rows
    /// missing or extra; empty when the figure stands.
    var problems: [String] {
        var problems: [String] = []
        if records == 0 { problems.append("no SuggestRange acknowledged") }
        if !unacknowledged.isEmpty { problems.append("spooling: \(unacknowledged)") }
        if spooled != records {
            problems.append("/health said pending \(spooled.map(String.init) ?? "nothing") after \(records) acknowledged")
        }
        if drained == nil {
            problems.append("pending not 0 within \(Int(Self.drainBound.inSeconds)) s (last: \(lastPending.map(String.init) ?? "no answer"))")
        }
        switch stored {
        case .success(let rows) where rows != records: problems.append("\(rows) rows stored, not \(records)")
        case .failure(let failure): problems.append("rows not counted: \(failure)")
        case .success: break
        }
        return problems
    }
}
