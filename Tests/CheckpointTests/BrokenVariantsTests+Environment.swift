import CheckpointRules
import Foundation
import StackHarness
import Testing

extension Checkpoints.BrokenVariants {
    @Test("CP3.documented catches an undocumented variable in .env.example (fixtures/broken/env-undocumented-variable)")
    func envUndocumentedVariable() throws {
        let file = Stack.shared.layout.fixtures.appendingPathComponent("broken/env-undocumented-variable/.env.example")
        let outcome = EnvironmentChecks.documented(try EnvFile(contentsOf: file))
        #expect(!outcome.passed && outcome.id == "CP3.documented", "the documentation check let the variant through: \(outcome)")
        #expect(outcome.reason == "no description comment for ORACLE_DEBUG_DUMP", "the check failed for another reason: \(outcome.reason)")
    }
}
