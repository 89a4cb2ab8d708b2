import PostgresNIO

/// The statements that store spooled records: one multi-row INSERT per table, each row under its key; a row whose
/// key is already stored (a retry after a timeout, a replay after a crash) is skipped by `ON CONFLICT DO NOTHING`.
enum RecordInsert {
    /// The INSERTs for `records`, at most one per table.
    static func queries(for records: some Sequence<SpooledRecord>) -> [PostgresQuery] {
        var suggestions = Rows()
        var insights = Rows()
        for spooled in records {
            switch spooled.record {
            case .suggestion(let type, let json, let sessionID):
                suggestions.add("$\(suggestions.next), $\(suggestions.next + 1), $\(suggestions.next + 2)::jsonb, $\(suggestions.next + 3)") {
                    $0.append(spooled.key)
                    $0.append(type)
                    $0.append(json)
                    $0.append(sessionID)
                }
            case .insight(let type, let sealedContent, let source, let sessionID):
                insights.add("$\(insights.next), $\(insights.next + 1), $\(insights.next + 2), $\(insights.next + 3), $\(insights.next + 4)") {
                    $0.append(spooled.key)
                    $0.append(type)
                    $0.append(sealedContent)
                    $0.append(source)
                    $0.append(sessionID)
                }
            }
        }
        return [
            suggestions.query("INSERT INTO oracle_suggestions (record_key, suggestion_type, suggestion, session_id)"),
            insights.query("INSERT INTO insights (record_key, insight_type, content, source, session_id)"),
        ].compactMap { $0 }
    }

    /// The VALUES rows of one table and their parameters.
    private struct Rows {
        private var values: [String] = []
        private var binds = PostgresBindings()

        /// The number of the next parameter ($1 first).
        var next: Int { binds.count + 1 }

        /// Adds a row whose placeholders are `placeholders`, binding its values with `bind`.
        mutating func add(_ placeholders: String, bind: (inout PostgresBindings) -> Void) {
            values.append("(\(placeholders))")
            bind(&binds)
        }

        /// `insert` with the rows, or `nil` when there are none.
        func query(_ insert: String) -> PostgresQuery? {
            guard !values.isEmpty else { return nil }
            return PostgresQuery(unsafeSQL: "\(insert) VALUES \(values.joined(separator: ", ")) ON CONFLICT (record_key) DO NOTHING", binds: binds)
        }
    }
}
