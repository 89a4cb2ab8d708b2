import Foundation
import Logging
import ServiceRuntime
import Testing

/// The handler end to end through a `LogSink`, with "stdout" redirected to a file so it can be read back.
@Suite struct JSONLogHandlerTests {
    /// A sink whose file is `oracle.log` and whose standard output is `stdout.log`, both in `directory`.
    private func makeSink(
        in directory: TemporaryLogDirectory,
        maxFileBytes: Int = LogSink.defaultMaxFileBytes
    ) throws -> (sink: LogSink, stdout: FileHandle) {
        let stdoutPath = directory.file("stdout.log")
        try #require(FileManager.default.createFile(atPath: stdoutPath, contents: nil))
        let stdout = try FileHandle(forWritingTo: URL(fileURLWithPath: stdoutPath))
        let sink = try LogSink(
            filePath: directory.file("oracle.log"),
            maxFileBytes: maxFileBytes,
            standardOutput: stdout.fileDescriptor
        )
        return (sink, stdout)
    }

    @Test func everyLineOnStdoutAndInTheFileIsJSONWithTimeLevelMessage() throws {
        let directory = try TemporaryLogDirectory()
        let (sink, stdout) = try makeSink(in: directory)
        defer { try? stdout.close() }
        var logger = Logger(label: "oracle.grpc") { JSONLogHandler(label: $0, sink: sink) }
        logger.logLevel = .trace
        for level in Logger.Level.allCases {
            logger.log(level: level, "a \"quoted\"\nmulti-line message at \(level)")
        }

        let fileLines = try TemporaryLogDirectory.lines(of: directory.file("oracle.log"))
        #expect(try TemporaryLogDirectory.lines(of: directory.file("stdout.log")) == fileLines)
        #expect(fileLines.count == Logger.Level.allCases.count)
        for (line, level) in zip(fileLines, Logger.Level.allCases) {
            let object = try TemporaryLogDirectory.object(line)
            let time = try #require(object["time"] as? String)
            #expect(time.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/) != nil)
            #expect(object["level"] as? String == level.rawValue)
            #expect(object["message"] as? String == "a \"quoted\"\nmulti-line message at \(level)")
            #expect(object["label"] as? String == "oracle.grpc")
            #expect(object["source"] as? String == "OracleServiceTests")
        }
    }

    @Test func metadataFromHandlerProviderAndCallAreMergedCallWinning() throws {
        let directory = try TemporaryLogDirectory()
        let sink = try LogSink(filePath: directory.file("oracle.log"), standardOutput: nil)
        let provider = Logger.MetadataProvider { ["trace_id": "t-1", "layer": "provider"] }
        var logger = Logger(label: "oracle.db") {
            JSONLogHandler(label: $0, sink: sink, metadataProvider: provider)
        }
        logger[metadataKey: "layer"] = "handler"
        logger[metadataKey: "service"] = "oracle"
        struct Refused: Error {}
        logger.error("query failed", error: Refused(), metadata: ["layer": "call", "rows": ["a", "b"]])

        let line = try #require(try TemporaryLogDirectory.lines(of: directory.file("oracle.log")).first)
        let object = try TemporaryLogDirectory.object(line)
        #expect(object["service"] as? String == "oracle")
        #expect(object["trace_id"] as? String == "t-1")
        #expect(object["layer"] as? String == "call")
        #expect(object["rows"] as? [String] == ["a", "b"])
        #expect(object["error"] as? String == "Refused()")
        #expect(object["level"] as? String == "error")
    }

    @Test func clashingAndNestedMetadataKeepTheReservedFieldsAndTheNestingInBothOutputs() throws {
        let directory = try TemporaryLogDirectory()
        let (sink, stdout) = try makeSink(in: directory)
        defer { try? stdout.close() }
        let logger = Logger(label: "oracle.grpc") { JSONLogHandler(label: $0, sink: sink) }
        struct Refused: Error {}
        logger.error(
            "call failed",
            error: Refused(),
            metadata: [
                "error": "from metadata", "message": "clash", "time": "t",
                "attempt": .stringConvertible(3),
                "peer": ["host": "db", "ports": [.string("5432"), .stringConvertible(6432)]],
            ]
        )

        let fileLines = try TemporaryLogDirectory.lines(of: directory.file("oracle.log"))
        #expect(try TemporaryLogDirectory.lines(of: directory.file("stdout.log")) == fileLines)
        let object = try TemporaryLogDirectory.object(try #require(fileLines.first))
        #expect(object["message"] as? String == "call failed")
        #expect(object["error"] as? String == "Refused()")
        #expect(object["meta_error"] as? String == "from metadata")
        #expect(object["meta_message"] as? String == "clash")
        #expect(object["meta_time"] as? String == "t")
        #expect((object["time"] as? String)?.hasPrefix("20") == true)
        #expect(object["attempt"] as? String == "3")
        let peer = try #require(object["peer"] as? [String: Any])
        #expect(peer["host"] as? String == "db")
        #expect(peer["ports"] as? [String] == ["5432", "6432"])
    }

    @Test func logLevelIsSettableAndFilters() throws {
        let directory = try TemporaryLogDirectory()
        let sink = try LogSink(filePath: directory.file("oracle.log"), standardOutput: nil)
        var logger = Logger(label: "oracle") { JSONLogHandler(label: $0, sink: sink, logLevel: .info) }
        logger.debug("hidden at info")
        logger.info("shown at info")
        logger.logLevel = .warning
        #expect(logger.logLevel == .warning)
        logger.info("hidden at warning")
        logger.warning("shown at warning")

        let messages = try TemporaryLogDirectory.lines(of: directory.file("oracle.log"))
            .map { try TemporaryLogDirectory.object($0)["message"] as? String }
        #expect(messages == ["shown at info", "shown at warning"])
    }

    @Test func concurrentLoggersNeverInterleaveOrLoseLines() async throws {
        let directory = try TemporaryLogDirectory()
        let limit = 64 * 1024
        let (sink, stdout) = try makeSink(in: directory, maxFileBytes: limit)
        defer { try? stdout.close() }
        // 4,000 lines of about 300 bytes: contention enough, and about 18 rotations of 64 KiB. (16,000 kept both cores
        // busy for seconds and pushed the timed tests running beside it past their bounds.)
        let tasks = 4
        let linesPerTask = 1_000
        // Each logger on a thread of its own, as loggers are called from any thread.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for task in 0..<tasks {
                group.addTask {
                    try await offPool {
                        let logger = Logger(label: "worker.\(task)") { JSONLogHandler(label: $0, sink: sink) }
                        for index in 0..<linesPerTask {
                            logger.info(
                                "line \(index) \(String(repeating: "x", count: index % 300))",
                                metadata: ["task": "\(task)", "index": "\(index)"]
                            )
                        }
                    }
                }
            }
            try await group.waitForAll()
        }

        // stdout keeps everything: each task's lines must all be there, whole and in order.
        var seen = [Int: [Int]]()
        for line in try TemporaryLogDirectory.lines(of: directory.file("stdout.log")) {
            let object = try TemporaryLogDirectory.object(line)
            let task = try #require(Int(object["task"] as? String ?? ""))
            seen[task, default: []].append(try #require(Int(object["index"] as? String ?? "")))
        }
        #expect(seen.count == tasks)
        for (_, indices) in seen { #expect(indices == Array(0..<linesPerTask)) }

        // The file side rotated many times: every kept file is within the limit and made of whole JSON lines.
        for name in ["oracle.log", "oracle.log.1", "oracle.log.2", "oracle.log.3", "oracle.log.4", "oracle.log.5"] {
            let path = directory.file(name)
            let data = try #require(TemporaryLogDirectory.contents(of: path))
            #expect(data.count <= limit)
            for line in try TemporaryLogDirectory.lines(of: path) { _ = try TemporaryLogDirectory.object(line) }
        }
        #expect(!FileManager.default.fileExists(atPath: directory.file("oracle.log.6")))
    }
}
