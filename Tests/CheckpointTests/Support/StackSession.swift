import CheckpointRules
import StackHarness
import Testing

/// Wraps the whole checkpoint run: the engine must answer before any test runs; afterwards the stack
/// is taken down (unless `NPS_KEEP_STACK=1`), the report is written, and on a failure a bundle of logs.
struct StackSession: SuiteTrait, TestScoping {
    var isRecursive: Bool { false }

    func provideScope(
        for test: Test,
        testCase: Test.Case?,
        performing function: @Sendable () async throws -> Void
    ) async throws {
        try await Stack.shared.checkEngine()
        var failure: (any Error)?
        do {
            try await function()
        } catch {
            failure = error
        }
        try await Stack.shared.finish()
        if let failure { throw failure }
    }
}

extension Trait where Self == StackSession {
    /// Checks the engine before the checkpoint run and cleans up and reports after it.
    static var stackSession: Self { Self() }
}
