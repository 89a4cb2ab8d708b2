import Foundation

/// One proof of one requirement: what was measured, the value, the limit, the verdict and the command that measured it.
public struct Measurement: Sendable, Hashable, Codable {
    /// The requirement ID from the checkpoints spec, e.g. "CP1.size".
    public let id: String
    /// What was measured, e.g. "oracle image size".
    public let subject: String
    /// The measured value.
    public let value: MeasuredValue
    /// The value's unit ("MB", "s", ""), empty for text.
    public let unit: String
    /// The limit, in words: "< 500 MB", "= healthy".
    public let limit: String
    /// Whether the value met the limit.
    public let verdict: Verdict
    /// The command line that produced the value, if a command did.
    public let command: String?
    /// When it was measured.
    public let measuredAt: Date

    /// Records a value with its limit and verdict.
    public init(
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
    public init(id: String, subject: String, number: Double, unit: String, limit: String, passed: Bool, measuredBy result: CommandResult? = nil) {
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
    public init(id: String, subject: String, text: String, limit: String, passed: Bool, measuredBy result: CommandResult? = nil) {
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
    public var measuredText: String {
        unit.isEmpty ? value.description : "\(value) \(unit)"
    }

    /// What identifies a measurement across runs: the same ID and subject replace an earlier one.
    var key: String { id + "\u{1F}" + subject }
}
