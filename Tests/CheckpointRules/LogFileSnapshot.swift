import Foundation
import StackHarness

/// One file of the Oracle's log folder as the rotation check sees it: its name, its size, and which of its
/// lines are not JSON log lines.
package struct LogFileSnapshot: Sendable, Hashable {
    /// The file name, e.g. "oracle.log" or "oracle.log.3".
    package let name: String
    /// Its size in bytes.
    package let bytes: Int
    /// How many non-blank lines it has.
    package let lineCount: Int
    /// Line numbers of lines that are not one JSON object with time, level and message.
    package let badLines: [Int]

    /// Makes a snapshot from its parts.
    package init(name: String, bytes: Int, lineCount: Int, badLines: [Int]) {
        self.name = name
        self.bytes = bytes
        self.lineCount = lineCount
        self.badLines = badLines
    }

    /// Reads `url` and parses every line.
    package init(contentsOf url: URL) throws {
        let data = try Data(contentsOf: url)
        let lines = JSONLogLines(text: String(decoding: data, as: UTF8.self))
        self.init(
            name: url.lastPathComponent,
            bytes: data.count,
            lineCount: lines.entries.count + lines.rejected.count,
            badLines: ObservabilityChecks.badLineNumbers(lines)
        )
    }
}
