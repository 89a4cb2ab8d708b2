import Testing

/// Every checkpoint suite, nested here so that they run one test at a time against one shared stack:
/// some tests restart, stop or take the stack down, and none may break another.
///
/// `swift test --filter Checkpoint4` runs one checkpoint; `--filter CheckpointTests` runs them all.
/// The session trait checks the engine first, and at the end takes down what the run started
/// (unless `NPS_KEEP_STACK=1`) and writes the report (`reports/checkpoints/`).
@Suite("NPS checkpoints", .serialized, .stackSession)
struct Checkpoints {}
