import PostgresNIO

/// Why records were not stored, and so what the writer does next.
enum WriteFailure: Error, Equatable {
    /// The database refuses the rows for good: a data exception (SQLSTATE class 22) or an integrity constraint
    /// violation (class 23). Retrying cannot help; the record is set aside.
    case refused(reason: String)
    /// The database is away, slow or failing for now (no connection, no answer in time, 08xxx, 57Pxx, anything
    /// else): the records stay in the spool and the write is retried.
    case transient(reason: String)

    /// The class of `error`, with its reason in words.
    init(_ error: any Error) {
        let reason = DatabaseProblem(error).description
        if let state = (error as? PSQLError)?.serverInfo?[.sqlState], state.hasPrefix("22") || state.hasPrefix("23") {
            self = .refused(reason: reason)
        } else {
            self = .transient(reason: reason)
        }
    }
}
