import Logging

/// What a previous run left in the spool folder, read at start: its records in order, oldest segment first.
///
/// A segment whose last line has no newline was cut by a crash in the middle of an append; that append was never
/// acknowledged (the fsync did not return), so the partial line is dropped and the file cut back. A complete line
/// that cannot be read goes to the dead-letter file with an ERROR line, and the records after it are kept.
struct SpoolReplay {
    /// The records to write, oldest first.
    private(set) var entries: [RecordSpool.Entry] = []
    /// The number the next segment file gets.
    private(set) var nextSegment = 1

    /// Reads every segment of `configuration.folder`; segments with no record left are removed.
    init(configuration: RecordSpool.Configuration, deadLetter: DeadLetterFile, logger: Logger) throws {
        let segments = try SpoolFile.names(in: configuration.folder).compactMap(RecordSpool.Configuration.segmentNumber(ofFile:)).sorted()
        for segment in segments {
            let path = configuration.segmentPath(segment)
            let bytes = try SpoolFile.contents(of: path) ?? []
            var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)
            if let last = bytes.last, last != UInt8(ascii: "\n"), let partial = lines.popLast() {
                try SpoolFile(appendingTo: path).truncate(to: bytes.count - partial.count)
                logger.warning(
                    "Spool segment ended in a partial line, cut by a crash during an append that was never acknowledged; dropped",
                    metadata: ["file": "\(path)", "bytes": "\(partial.count)"]
                )
            }
            var kept = 0
            for line in lines {
                do {
                    entries.append(RecordSpool.Entry(record: try SpooledRecord(line: line), bytes: line.count + 1, segment: segment))
                    kept += 1
                } catch {
                    try deadLetter.append(unreadable: line, reason: "unreadable spool line: \(error)")
                    logger.error(
                        "Spool line unreadable; set aside",
                        metadata: ["file": "\(path)", "dead_letter": "\(deadLetter.path)", "reason": "\(error)"]
                    )
                }
            }
            if kept == 0 { try SpoolFile.remove(path) }
        }
        nextSegment = (segments.last ?? 0) + 1
    }
}
