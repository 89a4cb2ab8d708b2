import Foundation
import LogTimeFormat
import StackHarness

/// The rules of the Observability checkpoint (OBS.*), as pure functions of log text and log-folder snapshots.
package enum ObservabilityChecks {

    /// OBS.stdout: the Oracle writes its log to standard output, so `docker logs` has lines.
    package static func stdout(_ text: String) -> CheckOutcome {
        let count = nonBlankLines(text).count
        return outcome(
            "OBS.stdout",
            measured: "\(count) lines",
            problems: count > 0 ? [] : ["docker logs shows nothing on stdout"],
            held: "docker logs shows \(count) lines on stdout"
        )
    }

    /// OBS.json: every non-blank line of `text` (from `source`) is one JSON object with time, level and message.
    package static func jsonLines(_ text: String, source: String) -> CheckOutcome {
        let lines = JSONLogLines(text: text)
        let total = lines.entries.count + lines.rejected.count
        let bad = badLineNumbers(lines)
        var problems: [String] = []
        if total == 0 {
            problems.append("\(source) has no lines to check")
        }
        if !bad.isEmpty {
            let samples = lines.rejected.prefix(3).map { "line \($0.lineNumber): \(String($0.text.prefix(120)))" }
            problems.append(
                "\(source): lines \(lineList(bad)) are not JSON objects with \(requiredKeys)"
                    + (samples.isEmpty ? "" : " (e.g. " + samples.joined(separator: " | ") + ")")
            )
        }
        return outcome(
            "OBS.json",
            measured: "\(total) lines, \(bad.count) rejected",
            problems: problems,
            held: "every line of \(source) is a JSON object with \(requiredKeys)"
        )
    }

    /// OBS.file: every stdout line is in the log file, and every file line written inside the stdout window
    /// (from its first line's time to just before its last) is on stdout.
    ///
    /// `file` may hold older lines from earlier runs, and lines written after `docker logs` was read; both are
    /// outside the window and ignored.
    package static func fileMatchesStdout(stdout: String, file: String) -> CheckOutcome {
        let stdoutLines = nonBlankLines(stdout)
        let fileSet = Set(nonBlankLines(file))
        let stdoutSet = Set(stdoutLines)
        let missingFromFile = stdoutLines.filter { !fileSet.contains($0) }
        let window = JSONLogLines(text: stdout).entries.compactMap(\.time)
        let inWindow: [JSONLogLine]
        if let first = window.min(), let last = window.max() {
            inWindow = JSONLogLines(text: file).entries.filter { $0.time.map { $0 >= first && $0 < last } ?? false }
        } else {
            inWindow = []
        }
        let missingFromStdout = inWindow.filter { !stdoutSet.contains($0.text) }
        var problems: [String] = []
        if stdoutLines.isEmpty {
            problems.append("no stdout lines to compare")
        }
        if let line = missingFromFile.first {
            problems.append("\(missingFromFile.count) stdout lines are not in the file, e.g. \(String(line.prefix(160)))")
        }
        if let line = missingFromStdout.first {
            problems.append("\(missingFromStdout.count) file lines of the window are not on stdout, e.g. \(String(line.text.prefix(160)))")
        }
        let measured =
            "\(stdoutLines.count - missingFromFile.count) of \(stdoutLines.count) stdout lines in the file; "
            + "\(inWindow.count - missingFromStdout.count) of \(inWindow.count) file lines of that window on stdout"
        return outcome("OBS.file", measured: measured, problems: problems, held: "the file has exactly the stdout lines of the window")
    }

    /// OBS.rotation: after more than 60 MB of log lines (`drivenBytes`, everything the Oracle logged), the folder
    /// holds `oracle.log` ≤ 10 MB and exactly `oracle.log.1` … `.5`, each ≤ 10 MB, at least 50 MB in all, and every
    /// line of every file is a JSON log line.
    package static func rotation(_ files: [LogFileSnapshot], drivenBytes: Int) -> CheckOutcome {
        let byName = Dictionary(files.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let expected = ["oracle.log"] + (1...Requirements.keptLogBackups).map { "oracle.log.\($0)" }
        let total = files.reduce(0) { $0 + $1.bytes }
        var problems: [String] = []
        if drivenBytes <= Requirements.minimumDrivenLogBytes {
            problems.append("only \(drivenBytes) bytes of log lines were driven, not > \(Requirements.minimumDrivenLogBytes)")
        }
        for name in expected where byName[name] == nil {
            problems.append("\(name) is missing")
        }
        for file in files where !expected.contains(file.name) {
            problems.append("\(file.name) should not exist (only \(Requirements.keptLogBackups) backups are kept)")
        }
        for file in files where file.bytes > Requirements.rotationBytes {
            problems.append("\(file.name) is \(file.bytes) bytes, over \(Requirements.rotationBytes)")
        }
        for file in files where !file.badLines.isEmpty {
            problems.append("\(file.name) lines \(lineList(file.badLines)) are not JSON log lines")
        }
        if total < Requirements.minimumKeptLogBytes {
            problems.append("only \(total) bytes kept, under \(Requirements.minimumKeptLogBytes)")
        }
        let sizes = files.sorted { $0.name < $1.name }.map { "\($0.name) \($0.bytes)" }.joined(separator: ", ")
        let lines = files.reduce(0) { $0 + $1.lineCount }
        let measured = "\(megabytes(drivenBytes)) MB driven; \(files.count) files, \(megabytes(total)) MB and \(lines) lines kept (bytes: \(sizes))"
        return outcome(
            "OBS.rotation",
            measured: measured,
            problems: problems,
            held: "oracle.log and \(Requirements.keptLogBackups) backups, each ≤ \(Requirements.rotationBytes) bytes, every line JSON"
        )
    }

    /// The keys every log line must have, as the reasons name them: "time, level and message".
    package static let requiredKeys: String = {
        let names = LogLineKey.required.map(\.rawValue)
        return names.dropLast().joined(separator: ", ") + " and " + names.last!
    }()

    /// The line numbers of lines that are not JSON objects, or are objects without time, level or message.
    package static func badLineNumbers(_ lines: JSONLogLines) -> [Int] {
        (lines.rejected.map(\.lineNumber) + lines.entries.filter { !$0.hasRequiredFields }.map(\.lineNumber)).sorted()
    }

    // Lines as `docker logs` and the file hold them: blank lines (the final newline's) do not count.
    private static func nonBlankLines(_ text: String) -> [String] {
        text.split(separator: "\n").map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    // A failed outcome's measured text carries its problems too, so the report and the failure message say why.
    private static func outcome(_ id: String, measured: String, problems: [String], held: String) -> CheckOutcome {
        let reason = problems.isEmpty ? held : problems.joined(separator: "; ")
        return CheckOutcome(
            id: id,
            passed: problems.isEmpty,
            measured: problems.isEmpty ? measured : "\(measured); broken: \(reason)",
            reason: reason
        )
    }

    // Line numbers for a reason: all of them up to 20, then how many more.
    private static func lineList(_ numbers: [Int]) -> String {
        let shown = numbers.prefix(20).map(String.init).joined(separator: ", ")
        return numbers.count > 20 ? "\(shown) and \(numbers.count - 20) more" : shown
    }

    // Bytes as MB (MiB) with one decimal, for the measured text.
    private static func megabytes(_ bytes: Int) -> String {
        String(format: "%.1f", Double(bytes) / 1_048_576)
    }
}
