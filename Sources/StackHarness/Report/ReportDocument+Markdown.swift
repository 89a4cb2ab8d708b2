import Foundation

/// report.md: a heading with the engine, a summary line and one table row per measurement.
extension ReportDocument {
    /// The Markdown rendering of the report.
    var markdown: String {
        var lines = ["# Checkpoint report", ""]
        lines.append(contextLine)
        lines.append("")
        lines.append("**\(passed) passed, \(failed) failed** of \(measurements.count) measurements.")
        lines.append("")
        lines.append("| ID | requirement | measured | limit | verdict | command |")
        lines.append("|---|---|---|---|---|---|")
        for measurement in measurements {
            let cells = [
                Self.cell(measurement.id),
                Self.cell(measurement.subject),
                Self.cell(measurement.measuredText),
                Self.cell(measurement.limit),
                measurement.verdict == .pass ? "pass" : "**FAIL**",
                measurement.command.map { "`" + Self.cell($0).replacingOccurrences(of: "`", with: "'") + "`" } ?? "",
            ]
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `text` as a table cell, which cannot hold pipes or line breaks.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: "<br>")
    }
}
