import Foundation

/// report.html: one self-contained page (inline CSS and SVG, no external assets) with the summary, the stack's start
/// and stop timelines, and one table row per requirement ID.
extension ReportDocument {
    /// The HTML rendering of the report.
    var html: String {
        var body = ["<h1>Checkpoint report</h1>", "<p class=\"context\">\(contextLine.xmlEscaped)</p>"]
        let requirements = self.requirements
        let failedIDs = requirements.count { !$0.passed }
        body.append(
            "<p class=\"summary \(failedIDs == 0 ? "pass" : "fail")\">\(requirements.count - failedIDs) of \(requirements.count) "
                + "requirement IDs pass · \(passed) passed, \(failed) failed of \(measurements.count) measurements</p>"
        )
        for phase in StackTimeline.Phase.allCases {
            body.append("<h2>\(phase.title.xmlEscaped)</h2>")
            if let timeline = timelines?.first(where: { $0.phase == phase }) {
                body.append(Self.svg(timeline))
            } else {
                body.append("<p class=\"missing\">Not measured in this report's runs.</p>")
            }
        }
        body.append("<h2>Requirements</h2>")
        body.append(Self.table(requirements))
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>Checkpoint report</title>
            <style>
            \(Self.style)
            </style>
            </head>
            <body>
            \(body.joined(separator: "\n"))
            </body>
            </html>

            """
    }

    private static let style = """
        body { font: 14px/1.4 system-ui, sans-serif; margin: 24px; color: #1f2328; }
        h1 { font-size: 22px; margin: 0 0 4px; }
        h2 { font-size: 16px; margin: 24px 0 8px; }
        .context { color: #59636e; margin: 0; }
        .summary { font-weight: 600; }
        .pass { color: #1a7f37; }
        .fail { color: #cf222e; }
        .missing { color: #59636e; font-style: italic; }
        table { border-collapse: collapse; width: 100%; table-layout: fixed; }
        th, td { border: 1px solid #d1d9e0; padding: 4px 8px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
        th:nth-child(1) { width: 9em; } th:nth-child(3) { width: 28%; } th:nth-child(4) { width: 5em; }
        th { background: #f6f8fa; }
        td.id { white-space: nowrap; font-family: ui-monospace, monospace; }
        td div + div { border-top: 1px dotted #d1d9e0; }
        tr.pass, tr.fail { color: inherit; }
        td.verdict { font-weight: 600; }
        tr.fail td.verdict { background: #ffebe9; }
        svg text { font: 12px system-ui, sans-serif; fill: #1f2328; }
        svg .axis { stroke: #d1d9e0; }
        svg .bar { fill: #54aeff; }
        svg .open { fill: #cf222e; }
        """

    // One row per ID: the ID, each measurement's subject with its value and limit, and the ID's verdict.
    private static func table(_ requirements: [Requirement]) -> String {
        var rows = ["<table>", "<thead><tr><th>ID</th><th>measured</th><th>limit</th><th>verdict</th></tr></thead>", "<tbody>"]
        for requirement in requirements {
            let measured = requirement.measurements.map { measurement in
                let mark = measurement.verdict == .pass ? "" : " class=\"fail\""
                return "<div\(mark)>\(measurement.subject.xmlEscaped): <b>\(measurement.measuredText.xmlEscaped)</b></div>"
            }
            let limits = requirement.measurements.map { "<div>\($0.limit.xmlEscaped)</div>" }
            let verdict = requirement.passed ? "pass" : "FAIL"
            rows.append(
                "<tr class=\"\(requirement.passed ? "pass" : "fail")\"><td class=\"id\">\(requirement.id.xmlEscaped)</td>"
                    + "<td>\(measured.joined())</td><td>\(limits.joined())</td>"
                    + "<td class=\"verdict \(requirement.passed ? "pass" : "fail")\">\(verdict)</td></tr>"
            )
        }
        rows.append(contentsOf: ["</tbody>", "</table>"])
        return rows.joined(separator: "\n")
    }

    // A lane per service on a seconds axis from the phase's command; a bar from begin to end, labelled with both times.
    private static func svg(_ timeline: StackTimeline) -> String {
        let (labelWidth, plotWidth, laneHeight, top) = (90.0, 600.0, 30.0, 24.0)
        let seconds = { (date: Date?) in date.map { $0.timeIntervalSince(timeline.origin) } }
        let latest = timeline.lanes.flatMap { [seconds($0.begin), seconds($0.end)] }.compactMap { $0 }.max() ?? 1
        let step = tickStep(for: latest)
        let span = max(step, (latest / step).rounded(.up) * step)
        let x = { (offset: Double) in labelWidth + max(0, offset) / span * plotWidth }
        let height = top + Double(timeline.lanes.count) * laneHeight + 8
        let width = labelWidth + plotWidth + 270  // room for the last lane's label beyond the axis
        var parts = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" "
                + "viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(timeline.phase.title.xmlEscaped)\">"
        ]
        for tick in stride(from: 0.0, through: span + step / 2, by: step) {
            parts.append(
                "<line class=\"axis\" x1=\"\(x(tick).svg)\" y1=\"\(top - 6)\" x2=\"\(x(tick).svg)\" y2=\"\(height - 8)\"/>"
                    + "<text x=\"\(x(tick).svg)\" y=\"12\" text-anchor=\"middle\">\(tick.formatted(fractionDigits: step < 1 ? 1 : 0)) s</text>"
            )
        }
        let names = timeline.phase.endNames
        for (index, lane) in timeline.lanes.enumerated() {
            let middle = top + Double(index) * laneHeight + laneHeight / 2
            parts.append("<text x=\"0\" y=\"\((middle + 4).svg)\">\(lane.service.xmlEscaped)</text>")
            switch (seconds(lane.begin), seconds(lane.end)) {
            case (let begin?, let end?):
                parts.append(
                    "<rect class=\"bar\" x=\"\(x(begin).svg)\" y=\"\((middle - 8).svg)\" width=\"\(max(2, x(end) - x(begin)).svg)\" "
                        + "height=\"16\" rx=\"3\"><title>\(lane.service.xmlEscaped): \(names.begin) \(begin.formatted(fractionDigits: 2)) s, "
                        + "\(names.end) \(end.formatted(fractionDigits: 2)) s</title></rect>"
                )
                parts.append(
                    "<text x=\"\((x(end) + 6).svg)\" y=\"\((middle + 4).svg)\">\(names.begin) \(begin.formatted(fractionDigits: 2)) s → "
                        + "\(names.end) \(end.formatted(fractionDigits: 2)) s (\((end - begin).formatted(fractionDigits: 2)) s)</text>"
                )
            case (let begin?, nil):
                parts.append("<circle class=\"open\" cx=\"\(x(begin).svg)\" cy=\"\(middle.svg)\" r=\"5\"/>")
                parts.append(
                    "<text class=\"fail\" x=\"\((x(begin) + 10).svg)\" y=\"\((middle + 4).svg)\">"
                        + "\(names.begin) \(begin.formatted(fractionDigits: 2)) s, no \(names.end) event</text>"
                )
            case (nil, _):
                parts.append("<text class=\"fail\" x=\"\(labelWidth.svg)\" y=\"\((middle + 4).svg)\">no \(names.begin) event</text>")
            }
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    // 1, 2 or 5 times a power of ten, giving about five to ten ticks over `span` seconds.
    private static func tickStep(for span: Double) -> Double {
        let rough = max(span, 0.1) / 8
        let magnitude = pow(10, (log10(rough)).rounded(.down))
        return [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? 10 * magnitude
    }
}

extension Double {
    // SVG coordinates with one decimal, enough for a screen and stable in tests.
    fileprivate var svg: String { formatted(fractionDigits: 1) }
}
