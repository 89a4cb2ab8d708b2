import Foundation
import Testing

@testable import ServiceRuntime

/// Rotation, appending across restarts and the configuration errors of `RotatingLogFile` and `LogSink`.
@Suite struct RotatingLogFileTests {
    /// Line `index` with a length that varies between lines, so file boundaries fall at irregular places.
    private func numberedLine(_ index: Int) -> [UInt8] {
        Array("{\"n\":\(index),\"pad\":\"\(String(repeating: "p", count: index * 37 % 160))\"}\n".utf8)
    }

    /// The `n` of every line of `path`, checking each line is whole JSON.
    private func numbers(in path: String) throws -> [Int] {
        try TemporaryLogDirectory.lines(of: path).map { line in
            try #require(TemporaryLogDirectory.object(line)["n"] as? Int)
        }
    }

    @Test func rotationKeepsFiveBackupsWithinTheLimitAndLosesNothingInTheWindow() throws {
        let directory = try TemporaryLogDirectory()
        let path = directory.file("oracle.log")
        let limit = 4096
        var file = try RotatingLogFile(path: path, maxBytes: limit, backupCount: 5)
        var written = 0
        var count = 0
        while written <= 8 * limit {
            let line = numberedLine(count)
            try file.append(line)
            written += line.count
            count += 1
        }

        let oldestFirst = (1...5).reversed().map { "\(path).\($0)" } + [path]
        for name in oldestFirst {
            let size = try #require(TemporaryLogDirectory.contents(of: name)?.count, "\(name) exists")
            #expect(size > 0 && size <= limit, "\(name) is \(size) bytes")
        }
        #expect(!FileManager.default.fileExists(atPath: "\(path).6"))

        // Backups rotated only when the next line would not fit, so each is nearly full.
        for name in oldestFirst.dropLast() {
            let numbers = try numbers(in: name)
            let size = try #require(TemporaryLogDirectory.contents(of: name)?.count)
            #expect(size + numberedLine(numbers.last! + 1).count > limit)
        }

        let kept = try oldestFirst.flatMap { try numbers(in: $0) }
        #expect(kept.first! > 0, "the oldest lines were dropped")
        #expect(kept == Array(kept.first!..<count), "contiguous up to the last line written")
    }

    @Test func reopeningAppendsAndCountsExistingBytesTowardsTheLimit() throws {
        let directory = try TemporaryLogDirectory()
        let path = directory.file("oracle.log")
        do {
            var first = try RotatingLogFile(path: path, maxBytes: 1000, backupCount: 5)
            for index in 0..<3 { try first.append(numberedLine(index)) }
        }
        var second = try RotatingLogFile(path: path, maxBytes: 1000, backupCount: 5)
        #expect(second.size == TemporaryLogDirectory.contents(of: path)?.count)
        for index in 3..<5 { try second.append(numberedLine(index)) }
        #expect(try numbers(in: path) == [0, 1, 2, 3, 4])
        #expect(!FileManager.default.fileExists(atPath: "\(path).1"))

        // A third run whose limit is already reached rotates the earlier run's file instead of growing it.
        var third = try RotatingLogFile(path: path, maxBytes: second.size, backupCount: 5)
        try third.append(numberedLine(5))
        #expect(try numbers(in: "\(path).1") == [0, 1, 2, 3, 4])
        #expect(try numbers(in: path) == [5])
    }

    @Test func aLineLongerThanTheLimitGoesWholeIntoAFileOfItsOwn() throws {
        let directory = try TemporaryLogDirectory()
        let path = directory.file("oracle.log")
        var file = try RotatingLogFile(path: path, maxBytes: 100, backupCount: 2)
        try file.append(numberedLine(0))
        let long = numberedLine(27)  // 27 * 37 % 160 = 39 bytes of padding, plus a longer body below
        let huge = Array(long.dropLast()) + Array(repeating: UInt8(ascii: " "), count: 200) + [UInt8(ascii: "\n")]
        try file.append(huge)
        try file.append(numberedLine(1))
        #expect(try numbers(in: "\(path).2") == [0])
        #expect(try numbers(in: "\(path).1") == [27])
        #expect(try numbers(in: path) == [1])
    }

    @Test func zeroBackupsStartsAFreshFile() throws {
        let directory = try TemporaryLogDirectory()
        let path = directory.file("oracle.log")
        var file = try RotatingLogFile(path: path, maxBytes: 64, backupCount: 0)
        for index in 0..<4 { try file.append(numberedLine(index)) }
        #expect(try numbers(in: path) == [3])
        #expect(!FileManager.default.fileExists(atPath: "\(path).1"))
    }

    @Test func missingDirectoriesAreCreated() throws {
        let directory = try TemporaryLogDirectory()
        let path = directory.file("app/logs/oracle.log")
        var file = try RotatingLogFile(path: path, maxBytes: 1000, backupCount: 5)
        try file.append(numberedLine(0))
        #expect(try numbers(in: path) == [0])
    }

    @Test func aDirectoryThatCannotBeCreatedIsAnErrorNamingThePath() throws {
        let directory = try TemporaryLogDirectory()
        let blocker = directory.file("not-a-directory")
        try #require(FileManager.default.createFile(atPath: blocker, contents: Data("x".utf8)))
        let path = blocker + "/logs/oracle.log"
        let error = #expect(throws: LogFileError.self) {
            _ = try LogSink(filePath: path, standardOutput: nil)
        }
        #expect(error?.operation == .createDirectory(blocker))
        #expect(error?.path == path)
        #expect(error?.description.contains("'\(path)' (LOG_FILE)") == true)
        #expect(error?.description.contains(blocker) == true)
    }

    @Test func aPathThatCannotBeOpenedIsAnErrorNamingThePath() throws {
        let directory = try TemporaryLogDirectory()
        // Runs as root in CI, where permission bits do not stop open(2); a directory in the way always does.
        let error = #expect(throws: LogFileError.self) {
            _ = try LogSink(filePath: directory.path, maxFileBytes: 1024, backupCount: 5)
        }
        #expect(error?.operation == .open)
        #expect(error?.errorNumber == EISDIR)
        #expect(
            error?.description
                == "cannot open log file '\(directory.path)' (LOG_FILE) for appending: Is a directory (errno \(EISDIR))"
        )
    }
}
