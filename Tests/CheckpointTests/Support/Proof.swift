import CheckpointRules
import ProcessRunning
import StackHarness
import Testing

/// Records `measurement` in the checkpoint report and expects it to have passed; a failure names the
/// requirement ID, what was measured, the value, the limit and the command that measured it.
func prove(_ measurement: Measurement, sourceLocation: SourceLocation = #_sourceLocation) async throws {
    try await Stack.shared.report.record(measurement)
    #expect(
        measurement.verdict == .pass,
        "\(measurement.id): \(measurement.subject) was \(measurement.measuredText), limit \(measurement.limit)\(measurement.command.map { " (measured by: \($0))" } ?? "")",
        sourceLocation: sourceLocation
    )
}

extension Measurement {
    /// The report line of a check's outcome: its ID, what it measured and its verdict, with the limit in words.
    init(_ outcome: CheckOutcome, subject: String, limit: String, measuredBy result: CommandResult? = nil) {
        self.init(id: outcome.id, subject: subject, text: outcome.measured, limit: limit, passed: outcome.passed, measuredBy: result)
    }
}
