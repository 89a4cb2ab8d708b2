/// What one `oracle-benchmark load` run does: wait for the Oracle, time a batch of readings, flood it with questions,
/// or write records and count the acknowledged ones.
enum LoadMode: Sendable, Equatable {
    /// GetReading until one succeeds or `budget` passes (`--wait-ready SECONDS`).
    case waitReady(budget: Duration)
    /// `count` GetReading calls, no AI (`--readings N`).
    case readings(count: Int)
    /// GetQuestionSign with ~2 KB questions until `bytes` of question text were sent (`--flood-bytes B`).
    case flood(bytes: Int)
    /// SuggestRange and AnalyzeSession in turn, each with its idempotency key (`--writes N --key-prefix P`).
    case writes(WriteLoad)

    /// The flags that choose a mode; a command line gives exactly one.
    static let flags = ["--wait-ready", "--readings", "--flood-bytes", "--writes"]
    /// The flags that only `--writes` takes.
    static let writeFlags = ["--key-prefix", "--rate", "--deadline-ms", "--for"]

    /// Calls in flight at once without `--concurrency`: 1 for readings (sequential latency) and writes, 8 for the flood.
    var defaultConcurrency: Int {
        switch self {
        case .waitReady, .readings, .writes: 1
        case .flood: 8
        }
    }
}
