/// What `oracle-benchmark load --fuzz N` printed: the Oracle's answers to the generated messages, by status and kind.
package struct OracleFuzzRun: Sendable, Decodable {
    /// The seed the messages came from.
    package let seed: UInt64
    /// Messages sent.
    package let messages: Int
    /// Answers by status ("OK", "INVALID_ARGUMENT", CLIENT_ERROR when a call got no status).
    package let statuses: [String: Int]
    /// Messages by kind ("random_bytes", "huge", …).
    package let kinds: [String: Int]
    /// The first answer of each status: "#index kind RPC: message".
    package let firstOfStatus: [String: String]
    /// Wall time, in seconds.
    package let wallSeconds: Double

    /// A run (rules tests build their own).
    package init(
        seed: UInt64,
        messages: Int,
        statuses: [String: Int],
        kinds: [String: Int],
        firstOfStatus: [String: String],
        wallSeconds: Double
    ) {
        self.seed = seed
        self.messages = messages
        self.statuses = statuses
        self.kinds = kinds
        self.firstOfStatus = firstOfStatus
        self.wallSeconds = wallSeconds
    }

    private enum CodingKeys: String, CodingKey {
        case seed, messages, statuses, kinds
        case firstOfStatus = "first_of_status"
        case wallSeconds = "wall_seconds"
    }
}
