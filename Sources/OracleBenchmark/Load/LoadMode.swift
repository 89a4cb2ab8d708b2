/// What one `oracle-benchmark load` run does: wait for the Oracle, time a batch of readings, or flood it with questions.
enum LoadMode: Sendable, Equatable {
    /// GetReading until one succeeds or `budget` passes (`--wait-ready SECONDS`).
    case waitReady(budget: Duration)
    /// `count` GetReading calls, no AI (`--readings N`).
    case readings(count: Int)
    /// GetQuestionSign with ~2 KB questions until `bytes` of question text were sent (`--flood-bytes B`).
    case flood(bytes: Int)

    /// The flags that choose a mode; a command line gives exactly one.
    static let flags = ["--wait-ready", "--readings", "--flood-bytes"]

    /// Calls in flight at once without `--concurrency`: 1 for readings (sequential latency), 8 for the flood.
    var defaultConcurrency: Int {
        switch self {
        case .waitReady, .readings: 1
        case .flood: 8
        }
    }
}
