/// The Oracle is shutting down and takes no more records.
struct SpoolClosed: Error, CustomStringConvertible {
    var description: String { "the Oracle is shutting down and takes no more records" }
}
