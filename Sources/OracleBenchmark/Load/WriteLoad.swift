/// `--writes N`: N calls that store rows, each with its own idempotency key `<prefix>-<index>`, so a test can find the
/// rows of every acknowledged call in the database.
struct WriteLoad: Sendable, Equatable {
    /// The most calls one run may make.
    static let maxCalls = 1_000_000
    /// The longest key prefix: keys get "-" and up to 6 digits, and the Oracle takes keys of up to 128 bytes.
    static let maxPrefixBytes = 100
    /// The highest `--rate`, in calls per second.
    static let maxRate = 100_000
    /// The longest `--deadline-ms`.
    static let maxDeadlineMilliseconds = 600_000

    /// Calls to make.
    var calls: Int
    /// The start of every key.
    var keyPrefix: String
    /// The calls, in turn: SuggestRange then AnalyzeSession for `--writes`.
    var kinds: [WriteKind] = [.suggestRange, .analyzeSession]
    /// Calls per second started at most (`--rate`); nil starts each call as soon as one ends.
    var rate: Double?
    /// The time limit of each call (`--deadline-ms`).
    var deadline: Duration = .seconds(5)
    /// How long calls may keep starting (`--for`); nil lets all `calls` start.
    var budget: Duration?

    /// Whether `prefix` can start a key: 1 to 100 bytes of printable ASCII without a space (HTTP/2 may strip a
    /// metadata value's leading space, and the Oracle would then store another key than the one reported).
    static func isValidPrefix(_ prefix: String) -> Bool {
        (1...maxPrefixBytes).contains(prefix.utf8.count) && prefix.utf8.allSatisfy { (0x21...0x7E).contains($0) }
    }

    /// The idempotency key of call `index` (and the session_id of an AnalyzeSession).
    func key(_ index: Int) -> String { "\(keyPrefix)-\(index)" }

    /// Which call `index` is.
    func kind(_ index: Int) -> WriteKind { kinds[index % kinds.count] }

    /// Makes the calls, `concurrency` at a time, paced by `rate` and cut short by `budget`: `write(kind, key)` makes
    /// one call with that key within `deadline`.
    func run(concurrency: Int, _ write: @escaping @Sendable (WriteKind, String) async throws -> Void) async -> WriteTally {
        let batch = CallBatch(total: calls, concurrency: concurrency, interval: rate.map { .seconds(1 / $0) }, budget: budget)
        return await batch.run(into: WriteTally(load: self)) { index in try await write(kind(index), key(index)) }
    }
}
