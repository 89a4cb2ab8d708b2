import Foundation

/// A fresh directory for one test's log files (and an Oracle child's spool), deleted when the test lets go of it.
final class TemporaryLogDirectory {
    /// Absolute path of the directory.
    let path: String

    /// Creates a uniquely named directory under the system temporary directory.
    init() throws {
        path = NSTemporaryDirectory() + "oracle-logging-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// The absolute path of `name` inside the directory.
    func file(_ name: String) -> String {
        path + "/" + name
    }

    /// The bytes of `path`, or `nil` if it does not exist.
    static func contents(of path: String) -> Data? {
        FileManager.default.contents(atPath: path)
    }

    /// The lines of `path` without their newlines; fails the caller if the file does not end in one.
    static func lines(of path: String) throws -> [String] {
        let text = String(decoding: contents(of: path) ?? Data(), as: UTF8.self)
        guard !text.isEmpty else { return [] }
        guard text.hasSuffix("\n") else { throw PartialLineError(path: path) }
        return text.dropLast().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// Parses one line as a JSON object the way a log collector would.
    static func object(_ line: String) throws -> [String: Any] {
        let parsed = try JSONSerialization.jsonObject(with: Data(line.utf8))
        guard let object = parsed as? [String: Any] else { throw NotAnObjectError(line: line) }
        return object
    }

    /// A file's last line had no newline.
    struct PartialLineError: Error { let path: String }
    /// A line parsed as JSON but not as an object.
    struct NotAnObjectError: Error { let line: String }
}
