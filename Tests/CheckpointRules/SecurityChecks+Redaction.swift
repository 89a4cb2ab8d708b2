import Foundation

/// SEC.redact: the search of what the harness wrote for the secret values it must hide.
extension SecurityChecks {
    /// SEC.redact: no file the harness wrote (`written`, text by file name) holds a value of `secrets` (values by
    /// variable name), and the same writing without the redaction (`unredacted`) holds every one, which shows the
    /// search can find them. The outcome names files and variables, never a value.
    package static func noSecretWritten(_ written: [String: String], unredacted: [String: String], secrets: [String: String]) -> CheckOutcome {
        var points = RequirementPoints(Requirements.secRedact.id)
        points.expect(!secrets.isEmpty, "no secret to search for")
        points.expect(!written.isEmpty, "no file written")
        let leaks = variablesHeld(in: written, secrets: secrets)
        for file in written.keys.sorted() {
            points.expect(leaks[file] == nil, "\(file) holds the value of \(leaks[file, default: []].joined(separator: ", "))")
        }
        let control = variablesHeld(in: unredacted, secrets: secrets)
        let found = Set(control.values.joined())
        for name in secrets.keys.sorted() {
            points.expect(found.contains(name), "without the redaction no file holds the value of \(name), so the search cannot be shown to find it")
        }
        return points.outcome(
            summary:
                "no value of \(secrets.keys.sorted().joined(separator: ", ")) in the \(written.count) files written; without the redaction \(control.count) of \(unredacted.count) files hold them"
        )
    }

    // The variables whose values each file holds, for the files that hold any. A literal search: a value is found
    // byte for byte, whatever the characters around it.
    private static func variablesHeld(in files: [String: String], secrets: [String: String]) -> [String: [String]] {
        files.compactMapValues { text in
            let names = secrets.sorted { $0.key < $1.key }.filter { text.range(of: $0.value, options: .literal) != nil }.map(\.key)
            return names.isEmpty ? nil : names
        }
    }
}
