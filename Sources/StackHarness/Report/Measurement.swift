import Foundation
import ProcessRunning

/// One proof of one requirement: what was measured, the value, the limit, the verdict and the command that measured it.
package struct Measurement: Sendable, Hashable, Codable {
    /// The requirement ID from the checkpoints spec, e.g. "CP1.size".
    package let id: String
    /// What was measured, e.g. "oracle image size".
    package let subject: String
    /// The measured value.
    package let value: MeasuredValue
    /// The value's unit ("MB", "s", ""), empty for text.
    package let unit: String
    /// The limit, in words: "< 500 MB", "= healthy".
    package let limit: String
    /// Whether the value met the limit.
    package let verdict: Verdict
    /// The command line that produced the value, if a command did.
    package let command: String?
    /// When it was measured.
    package let measuredAt: Date

    /// Records a value with its limit and verdict.
    package init(
        id: String,
        subject: String,
        value: MeasuredValue,
        unit: String = "",
        limit: String,
        verdict: Verdict,
        command: String? = nil,
        measuredAt: Date = Date()
    ) {
        self.id = id
        self.subject = subject
        self.value = value
        self.unit = unit
        self.limit = limit
        self.verdict = verdict
        self.command = command
        self.measuredAt = measuredAt
    }

    /// Records a number; `command` is taken from the run that measured it.
    package init(id: String, subject: String, number: Double, unit: String, limit: String, passed: Bool, measuredBy result: CommandResult? = nil) {
        self.init(
            id: id,
            subject: subject,
            value: .number(number),
            unit: unit,
            limit: limit,
            verdict: Verdict(passed: passed),
            command: result?.command.commandLine
        )
    }

    /// Records text (a status, a name); `command` is taken from the run that measured it.
    package init(id: String, subject: String, text: String, limit: String, passed: Bool, measuredBy result: CommandResult? = nil) {
        self.init(
            id: id,
            subject: subject,
            value: .text(text),
            limit: limit,
            verdict: Verdict(passed: passed),
            command: result?.command.commandLine
        )
    }

    /// The value with its unit, as the report shows it: "412.3 MB", "healthy".
    package var measuredText: String {
        unit.isEmpty ? value.description : "\(value) \(unit)"
    }

    /// What identifies a measurement across runs: the same ID and subject replace an earlier one.
    var key: String { id + "\u{1F}" + subject }
}
