extension RecordSpool {
    /// Where the spool lives and how much it may hold.
    struct Configuration: Sendable, Equatable {
        /// The folder of the segment files and the dead-letter file (`NPS_SPOOL_DIR`).
        var directory: String = "/app/spool"
        /// Most records waiting for the database (`NPS_SPOOL_MAX_RECORDS`); past it, writes are refused.
        var maxRecords: Int = 100_000
        /// Most bytes of records waiting for the database (`NPS_SPOOL_MAX_BYTES`); past it, writes are refused.
        var maxBytes: Int = 64 << 20
        /// Size at which appends move on to a new segment file, so that stored records' files can be removed.
        var segmentBytes: Int = 4 << 20

        /// The dead-letter file: records the database refused for good, one JSON object per line.
        var deadLetterPath: String { directory + "/dead-letter.jsonl" }

        /// The path of segment `number`.
        func segmentPath(_ number: Int) -> String {
            let digits = String(number)
            return directory + "/segment-" + String(repeating: "0", count: max(0, 12 - digits.count)) + digits + ".jsonl"
        }

        /// The number of a segment file's name, or `nil` for any other file.
        static func segmentNumber(ofFile name: String) -> Int? {
            guard name.hasPrefix("segment-"), name.hasSuffix(".jsonl") else { return nil }
            return Int(name.dropFirst("segment-".count).dropLast(".jsonl".count))
        }
    }
}
