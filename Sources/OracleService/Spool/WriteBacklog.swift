/// What the write path holds back, as health answers report it.
struct WriteBacklog: Sendable, Equatable {
    /// Records acknowledged and kept in the spool, not yet in PostgreSQL.
    var pending: Int
    /// Records the database refused for good, kept in the dead-letter file.
    var setAside: Int
}
