import CheckpointRules
import Foundation
import StackHarness
import Testing

extension Checkpoints.BrokenVariants {
    @Test("OBS.json catches plain-text lines among JSON log lines (fixtures/broken/non-json-logs)")
    func nonJSONLogs() throws {
        let file = Stack.shared.layout.fixtures.appendingPathComponent("broken/non-json-logs/oracle.log")
        let outcome = ObservabilityChecks.jsonLines(try String(contentsOf: file, encoding: .utf8), source: "non-json-logs/oracle.log")
        #expect(!outcome.passed && outcome.id == "OBS.json", "the JSON-lines check let the variant through: \(outcome)")
        #expect(outcome.measured.hasPrefix("7 lines, 3 rejected"), "the check counted other lines: \(outcome.measured)")
        #expect(
            outcome.reason.hasPrefix("non-json-logs/oracle.log: lines 3, 5, 7 are not JSON objects"),
            "the check did not name lines 3, 5 and 7: \(outcome.reason)"
        )
    }
}
