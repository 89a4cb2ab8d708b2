extension RecordSpool {
    /// Where the spool lives and how much it may hold.
    struct Configuration: Sendable, Equatable {
        /// The spool's root folder (`NPS_SPOOL_DIR`): the spool itself, or with an `instance` the folder of every
        /// instance's spool.
        var directory: String = "/app/spool"
        /// Most records waiting for the database (`NPS_SPOOL_MAX_RECORDS`); past it, writes are refused.
        var maxRecords: Int = 100_000
        /// Most bytes of records waiting for the database (`NPS_SPOOL_MAX_BYTES`); past it, writes are refused.
        var maxBytes: Int = 64 << 20
        /// Size at which appends move on to a new segment file, so that stored records' files can be removed.
        var segmentBytes: Int = 4 << 20
        /// This process's name among the Oracles sharing `directory` (`NPS_SPOOL_INSTANCE`); nil keeps the spool in
        /// `directory` itself, as a single Oracle has it.
        var instance: String?
        /// How often a spool with an `instance` looks for the folders of ended instances to adopt, besides at start.
        var adoptionInterval: Duration = .seconds(10)

        /// The folder holding one spool folder per instance.
        var instancesDirectory: String { directory + "/instances" }

        /// This spool's folder: its segment files, its dead-letter file and, with an `instance`, its lock file.
        var folder: String { instance.map { instancesDirectory + "/" + $0 } ?? directory }

        /// The file whose `flock` marks the instance's folder as its live process's (only with an `instance`).
        var lockPath: String { folder + "/lock" }

        /// The dead-letter file: records the database refused for good, one JSON object per line.
        var deadLetterPath: String { folder + "/dead-letter.jsonl" }

        /// The path of segment `number`.
        func segmentPath(_ number: Int) -> String {
            let digits = String(number)
            return folder + "/segment-" + String(repeating: "0", count: max(0, 12 - digits.count)) + digits + ".jsonl"
        }

        /// The same spool root seen from instance `name`: its folder, lock and files.
        func sibling(_ name: String) -> Configuration {
            var sibling = self
            sibling.instance = name
            return sibling
        }

        /// The number of a segment file's name, or `nil` for any other file.
        static func segmentNumber(ofFile name: String) -> Int? {
            guard name.hasPrefix("segment-"), name.hasSuffix(".jsonl") else { return nil }
            return Int(name.dropFirst("segment-".count).dropLast(".jsonl".count))
        }

        /// What is wrong with `name` as an instance name, or nil when it is one: a single folder name of 1 to 128
        /// letters, digits, `.`, `_` and `-` that starts with a letter or digit (so never `.`, `..` or a hidden name,
        /// which the instances folder keeps for adopted folders being removed).
        static func problem(withInstance name: String) -> String? {
            let bytes = Array(name.utf8)
            guard let first = bytes.first else { return "empty; expected a name such as the Swarm task's ({{.Task.Name}})" }
            guard bytes.count <= 128 else { return "\(bytes.count) bytes long; at most 128" }
            guard bytes.allSatisfy(instanceNameBytes.contains), !"._-".utf8.contains(first) else {
                return "'\(name)' is not a folder name of letters, digits, '.', '_' and '-' starting with a letter or digit"
            }
            return nil
        }

        /// The bytes an instance name is made of.
        private static let instanceNameBytes = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-".utf8)
    }
}
