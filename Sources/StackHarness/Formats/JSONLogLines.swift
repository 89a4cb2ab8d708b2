import Foundation

/// Log text split into lines, each parsed as one JSON object; lines that are not are kept with their numbers.
package struct JSONLogLines: Sendable {
    /// The lines that are JSON objects, in order.
    package let entries: [JSONLogLine]
    /// The non-blank lines that are not JSON objects, in order.
    package let rejected: [RejectedLogLine]

    /// Splits and parses the text; blank lines (the trailing newline included) are skipped.
    package init(text: String) {
        let decoder = JSONDecoder()
        var entries: [JSONLogLine] = []
        var rejected: [RejectedLogLine] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.hasSuffix("\r") ? String(rawLine.dropLast()) : String(rawLine)
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            if case .object(let fields)? = try? decoder.decode(JSONValue.self, from: Data(line.utf8)) {
                entries.append(JSONLogLine(lineNumber: index + 1, text: line, fields: fields))
            } else {
                rejected.append(RejectedLogLine(lineNumber: index + 1, text: line))
            }
        }
        self.entries = entries
        self.rejected = rejected
    }

    /// The entries at any of the given levels, compared without case ("error", "critical").
    package func entries(atLevels levels: Set<String>) -> [JSONLogLine] {
        let wanted = Set(levels.map { $0.lowercased() })
        return entries.filter { $0.level.map { wanted.contains($0.lowercased()) } ?? false }
    }
}
