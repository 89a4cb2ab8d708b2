/// The rows the stack's database holds for one write run's keys, as psql printed them: each `oracle_suggestions`
/// row's `record_key`, and each `insights` row's `session_id` and `record_key`.
package struct StoredWrites: Sendable, Equatable {
    /// One session's insight rows.
    package struct SessionRows: Sendable, Equatable {
        /// Rows with the session's id.
        package let rows: Int
        /// Distinct record keys among them.
        package let keys: Int
    }

    /// How many rows hold each suggestion key.
    package let suggestionRows: [String: Int]
    /// Per session (the AnalyzeSession call's key): its insight rows.
    package let insightRows: [String: SessionRows]

    /// Reads `psql -At` output: one `record_key` per line for suggestions, `session_id|record_key` per line for insights.
    package init(suggestionKeys: String, insightPairs: String) {
        var suggestions: [String: Int] = [:]
        for key in suggestionKeys.split(separator: "\n") where !key.isEmpty { suggestions[String(key), default: 0] += 1 }
        var keysBySession: [String: [String]] = [:]
        for line in insightPairs.split(separator: "\n") {
            let fields = line.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
            guard fields.count == 2 else { continue }
            keysBySession[String(fields[0]), default: []].append(String(fields[1]))
        }
        suggestionRows = suggestions
        insightRows = keysBySession.mapValues { SessionRows(rows: $0.count, keys: Set($0).count) }
    }

    /// Every key stored, suggestion or session.
    package var keys: Set<String> { Set(suggestionRows.keys).union(insightRows.keys) }
}
