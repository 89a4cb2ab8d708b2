import LogTimeFormat
import ServiceRuntime

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Records set aside: the database refused them for good (or their spool line could not be read). One JSON object per
/// line, fsync'd, so an operator can inspect, fix and re-insert them; nothing refused is thrown away.
struct DeadLetterFile: Sendable {
    /// One set-aside record.
    private struct Line: Encodable {
        let setAsideAt: String
        let table: String
        let reason: String
        let key: String?
        let record: DatabaseRecord?
        let spoolLine: String?

        enum CodingKeys: String, CodingKey {
            case setAsideAt = "set_aside_at"
            case table, reason, key, record
            case spoolLine = "spool_line"
        }
    }

    /// The file's path.
    let path: String

    /// How many records the file holds (one per line).
    func count() throws(SpoolFileError) -> Int {
        (try SpoolFile.contents(of: path) ?? []).reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
    }

    /// Appends `record` with the reason the database gave for `table`.
    func append(_ record: SpooledRecord, table: String, reason: String) throws {
        try write(Line(setAsideAt: Self.now(), table: table, reason: reason, key: record.key, record: record.record, spoolLine: nil))
    }

    /// Appends a spool line that could not be read back, as it was.
    func append(unreadable line: some Collection<UInt8>, reason: String) throws {
        let text = String(decoding: line, as: UTF8.self)
        try write(Line(setAsideAt: Self.now(), table: "unknown", reason: reason, key: nil, record: nil, spoolLine: text))
    }

    /// Appends every line of `other` and returns how many came; a last line cut by a crash gets its newline, so the
    /// next line is not glued to it.
    func append(linesOf other: DeadLetterFile) throws(SpoolFileError) -> Int {
        guard var bytes = try SpoolFile.contents(of: other.path), let last = bytes.last else { return 0 }
        if last != UInt8(ascii: "\n") { bytes.append(UInt8(ascii: "\n")) }
        try SpoolFile(appendingTo: path).append(bytes)
        return bytes.reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
    }

    private func write(_ line: Line) throws {
        var bytes = Array(try JSONEncoder().encode(line))
        bytes.append(UInt8(ascii: "\n"))
        try SpoolFile(appendingTo: path).append(bytes)
    }

    private static func now() -> String {
        POSIXIO.now().rfc3339(.milliseconds)
    }
}
