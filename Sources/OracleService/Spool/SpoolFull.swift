/// The spool holds as many unwritten records as it may: the write is refused rather than acknowledged and dropped.
struct SpoolFull: Error, CustomStringConvertible {
    /// Records waiting when the write came.
    let waitingRecords: Int
    /// Bytes waiting when the write came.
    let waitingBytes: Int
    /// The bounds that were reached.
    let limits: RecordSpool.Configuration

    var description: String {
        "the write backlog is full (\(waitingRecords) records, \(waitingBytes) bytes wait for the database; "
            + "limits NPS_SPOOL_MAX_RECORDS=\(limits.maxRecords), NPS_SPOOL_MAX_BYTES=\(limits.maxBytes)); try again later"
    }
}
