import Foundation

/// One table's content as INT.backup compares it: how many rows it has and an md5 of all its rows in id order,
/// as psql prints them for `query(of:)` (`count|md5`).
package struct TableSnapshot: Sendable, Hashable, CustomStringConvertible {
    /// The tables INT.backup compares, the two the Oracle writes.
    package static let tables = ["oracle_suggestions", "insights"]

    /// The table's name.
    package let table: String
    /// How many rows it has.
    package let rows: Int
    /// The md5 of its rows' text forms joined with "," in id order (the md5 of "" when it is empty).
    package let checksum: String

    /// Makes a snapshot from its parts.
    package init(table: String, rows: Int, checksum: String) {
        self.table = table
        self.rows = rows
        self.checksum = checksum
    }

    /// Parses what `psql -At -c` printed for `query(of: table)`: one line `count|md5`. `nil` for anything else (an
    /// error, an empty answer, a count that is not a number, a checksum that is not 32 hex digits).
    package init?(table: String, psql output: String) {
        let lines = output.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard lines.count == 1 else { return nil }
        let fields = lines[0].split(separator: "|", omittingEmptySubsequences: false)
        guard fields.count == 2, let rows = Int(fields[0]), rows >= 0 else { return nil }
        let checksum = String(fields[1])
        guard checksum.count == 32, checksum.allSatisfy(\.isHexDigit) else { return nil }
        self.init(table: table, rows: rows, checksum: checksum.lowercased())
    }

    /// The query whose answer `init(table:psql:)` parses: the row count and the md5 of every row's text form in id order.
    package static func query(of table: String) -> String {
        "SELECT count(*), md5(coalesce(string_agg(t::text, ',' ORDER BY id), '')) FROM \(table) t"
    }

    /// "insights: 5 rows, md5 0cc175b9c0f1b6a831c399e269772661".
    package var description: String { "\(table): \(rows) rows, md5 \(checksum)" }
}
