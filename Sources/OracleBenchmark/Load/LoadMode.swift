/// What one `oracle-benchmark load` run does: wait for the Oracle, time a batch of readings, flood it with questions,
/// write records and count the acknowledged ones, probe every field with oversized values, send fuzzed messages, or
/// abuse one connection to any of the stack's ports.
enum LoadMode: Sendable, Equatable {
    /// GetReading until one succeeds or `budget` passes (`--wait-ready SECONDS`).
    case waitReady(budget: Duration)
    /// `count` GetReading calls, no AI (`--readings N`).
    case readings(count: Int)
    /// GetQuestionSign with ~2 KB questions until `bytes` of question text were sent (`--flood-bytes B`).
    case flood(bytes: Int)
    /// SuggestRange and AnalyzeSession in turn, each with its idempotency key (`--writes N --key-prefix P`).
    case writes(WriteLoad)
    /// Every string and repeated field with 60, 300 and `bytes` bytes (`--input-limits B`).
    case inputLimits(bytes: Int)
    /// The first `count` messages of `FuzzMessages` for `seed` (`--fuzz N [--seed S]`).
    case fuzz(FuzzRun)
    /// One connection misused in one way until the server closes it (`--abuse KIND [--hold SECONDS] [--frames N]`).
    case abuse(AbuseRun)

    /// The flags that choose a mode; a command line gives exactly one.
    static let flags = ["--wait-ready", "--readings", "--flood-bytes", "--writes", "--input-limits", "--fuzz", "--abuse"]
    /// The flags that only `--writes` takes.
    static let writeFlags = ["--key-prefix", "--rate", "--deadline-ms", "--for"]

    /// The flag that only `--fuzz` takes.
    static let fuzzFlags = ["--seed"]
    /// The flags that only `--abuse` takes.
    static let abuseFlags = ["--hold", "--frames"]

    /// Calls in flight at once without `--concurrency`: 1 for readings (sequential latency), writes and probes, 8 for the
    /// flood and the fuzz (the abuse makes no calls: its one connection is the point).
    var defaultConcurrency: Int {
        switch self {
        case .waitReady, .readings, .writes, .inputLimits, .abuse: 1
        case .flood, .fuzz: 8
        }
    }
}
