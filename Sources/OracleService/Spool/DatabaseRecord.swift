/// One row the Oracle writes; spooled so that a request never waits on the database.
enum DatabaseRecord: Sendable, Equatable, Codable {
    /// A row of `oracle_suggestions`; `json` is the suggestion as returned to the caller.
    case suggestion(type: String, json: String, sessionID: String?)
    /// A row of `insights`; `sealedContent` is already encrypted by `InsightCipher`.
    case insight(type: String, sealedContent: String, source: String, sessionID: String?)

    /// The table this record goes to.
    var table: String {
        switch self {
        case .suggestion: "oracle_suggestions"
        case .insight: "insights"
        }
    }
}
