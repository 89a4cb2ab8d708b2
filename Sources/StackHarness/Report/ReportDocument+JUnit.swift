import Foundation

/// junit.xml: one test case per requirement ID, in the Ant JUnit schema that CI systems read (a `testsuites` root
/// with one `testsuite` carrying `package` and `id`, `properties`, the cases, `system-out` and `system-err`).
extension ReportDocument {
    /// The JUnit XML rendering of the report; `hostname` names the machine the checkpoints ran on.
    func junit(hostname: String) -> String {
        let requirements = self.requirements
        let failures = requirements.count { !$0.passed }
        // The schema's timestamp is a local date-time without a zone; the report's times are UTC.
        let timestamp = String(RFC3339Nano.string(from: generatedAt).prefix(19))
        var lines = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<testsuites>",
            "  <testsuite package=\"nps\" id=\"0\" name=\"checkpoints\" timestamp=\"\(timestamp)\" "
                + "hostname=\"\((hostname.isEmpty ? "localhost" : hostname).xmlEscaped)\" tests=\"\(requirements.count)\" "
                + "failures=\"\(failures)\" errors=\"0\" skipped=\"0\" time=\"0\">",
            "    <properties>",
        ]
        for (name, value) in properties {
            lines.append("      <property name=\"\(name)\" value=\"\(value.xmlEscaped)\"/>")
        }
        lines.append("    </properties>")
        for requirement in requirements {
            let opening = "    <testcase name=\"\(requirement.id.xmlEscaped)\" classname=\"checkpoints.\(requirement.group.xmlEscaped)\" time=\"0\""
            let failed = requirement.measurements.filter { $0.verdict == .fail }
            if failed.isEmpty {
                lines.append(opening + "/>")
            } else {
                lines.append(opening + ">")
                let message = "\(failed.count) of \(requirement.measurements.count) measurements failed"
                let details = failed.map(Self.line).joined(separator: "\n")
                lines.append("      <failure message=\"\(message)\" type=\"requirement\">\(details.xmlEscaped)</failure>")
                lines.append("    </testcase>")
            }
        }
        lines.append("    <system-out>\(measurements.map(Self.line).joined(separator: "\n").xmlEscaped)</system-out>")
        lines.append("    <system-err></system-err>")
        lines.append("  </testsuite>")
        lines.append("</testsuites>")
        return lines.joined(separator: "\n") + "\n"
    }

    // The engine the checkpoints ran against, as JUnit properties.
    private var properties: [(String, String)] {
        guard let engine else { return [] }
        return [
            ("engine", engine.serverVersion), ("engine.api", engine.apiVersion), ("docker.cli", engine.clientVersion),
            ("compose", engine.composeVersion ?? "missing"),
        ]
    }

    // One measurement as a line of text: ID, subject, value, limit, verdict and command.
    private static func line(_ measurement: Measurement) -> String {
        let command = measurement.command.map { " · \($0)" } ?? ""
        return "\(measurement.id) \(measurement.subject): \(measurement.measuredText) (limit \(measurement.limit)) "
            + "\(measurement.verdict.rawValue)\(command)"
    }
}

extension ReportDocument.Requirement {
    /// The ID's checkpoint or area, before the dot ("CP1" of "CP1.size"), the JUnit class of its test case.
    var group: String { id.split(separator: ".").first.map(String.init) ?? id }
}
