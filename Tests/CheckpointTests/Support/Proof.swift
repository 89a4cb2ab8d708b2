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
