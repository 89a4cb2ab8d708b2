import Foundation
import GRPCCore
import OracleAPI
import ServiceTesting
import TestPostgres
import Testing

/// "One JSON object per line on stdout and in the log file (rotated, 5 backups): time (ISO 8601, UTC), level,
/// message", checked on what the real binary writes.
@Suite("Log output of the nps-oracle binary")
struct LogOutputTests {
    private static let levels: Set<String> = ["trace", "debug", "info", "notice", "warning", "error", "critical"]

    /// `2026-02-06T01:15:00.123Z`: ISO 8601 in UTC.
    private static func isISO8601UTC(_ text: String) -> Bool {
        text.wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z/) != nil
            && ISO8601DateFormatter.withFractionalSeconds.date(from: text) != nil
    }

    /// A few ordinary calls, one of them rejected.
    private static func someCalls(_ oracle: OracleProcess) async throws {
        try await oracle.withOracle { client in
            _ = try await client.getReading(.with { $0.datetime = "2026-02-06T01:15:00+08:00" })
            _ = try await client.getNameReading(.with { $0.name = "Ada Lovelace" })
            _ = try await client.getQuestionSign(
                .with {
                    $0.question = "Will block 7 be found?"
                    $0.seed = 7
                }
            )
            _ = try await client.getDailyInsight(.with { $0.date = "2026-02-06" })
            _ = try await client.getTimingAlignment(.with { $0.datetime = "2026-02-06T12:00:00Z" })
            await #expect(throws: RPCError.self) { _ = try await client.getReading(.with { $0.datetime = "not a date" }) }
        }
    }

    @Test("Every stdout line is a JSON object with time (ISO 8601 UTC), level and message; the LOG_FILE holds the same lines")
    func everyLineIsJSONAndTheFileMatchesStdout() async throws {
        let oracle = try await OracleProcess.againstTestDatabase()
        try await oracle.waitUntilReady()
        try await oracle.waitForMessage { $0 == "Connected to database" }
        try await Self.someCalls(oracle)
        let termination = try await oracle.terminate()
        #expect(termination.exit.status == 0, "\(termination)\n\(oracle.transcript)")

        let lines = oracle.stdoutLines
        #expect(lines.count >= 5, "\(oracle.transcript)")
        for line in lines {
            let object = try #require(ServiceLogLine.object(of: line), "not a JSON object: \(line)")
            let time = object["time"] as? String ?? ""
            #expect(Self.isISO8601UTC(time), "time is ISO 8601 UTC: \(line)")
            #expect(Self.levels.contains(object["level"] as? String ?? ""), "level is a log level: \(line)")
            #expect(!(object["message"] as? String ?? "").isEmpty, "message is a non-empty string: \(line)")
        }
        let messages = oracle.messages
        for expected in ["Oracle service started", "gRPC server listening on \(oracle.grpcPort)", "Connected to database"] {
            #expect(messages.contains(expected), "'\(expected)' was logged\n\(oracle.transcript)")
        }
        #expect(oracle.logLines { $0.hasPrefix("gRPC server listening on") }.first?["port"] as? String == "\(oracle.grpcPort)")

        // stdout and the file each take lines whole under their own lock, so lines of concurrent threads may be
        // ordered differently in the two; the lines themselves are the same.
        let fileLines = try TemporaryLogDirectory.lines(of: oracle.logFile)
        #expect(
            fileLines.sorted() == lines.sorted(),
            "LOG_FILE has the same lines as stdout\n--- file ---\n\(fileLines.joined(separator: "\n"))\n\(oracle.transcript)"
        )
    }

    @Test("LOG_MAX_BYTES=20000 and LOG_LEVEL=debug: oracle.log and .1 … .5 exist, none over the limit, no .6")
    func rotationThroughTheBinary() async throws {
        let limit = 20_000
        // Calls faster than the AI rate limit each log a debug line, so many calls fill the files quickly.
        let standIn = try await MessagesAPIStandIn()
        let oracle = try await OracleProcess.againstTestDatabase(environment: [
            "LOG_MAX_BYTES": "\(limit)",
            "LOG_LEVEL": "debug",
            "ANTHROPIC_API_KEY": "test-key",
            "ANTHROPIC_BASE_URL": standIn.baseURL,
        ])
        try await oracle.waitUntilReady()
        let path = oracle.logFile
        let fifthBackupExists: @Sendable () -> Bool = { FileManager.default.fileExists(atPath: "\(path).5") }
        let calls = try await oracle.withOracle { client in
            var calls = 0
            var sinceFifth = 0
            // Keep going well past the fifth backup, so the oldest file has been dropped at least a few times.
            while sinceFifth < 200, calls < 5000 {
                let minute = calls % 60
                let hour = calls / 60 % 24
                let day = calls / 1440 % 28 + 1
                _ = try await client.getReading(
                    .with {
                        $0.datetime = String(format: "2025-03-%02dT%02d:%02d:00Z", day, hour, minute)
                    }
                )
                calls += 1
                if fifthBackupExists() { sinceFifth += 1 }
            }
            return calls
        }
        let termination = try await oracle.terminate()
        #expect(termination.exit.status == 0, "\(termination)")

        let names = [path] + (1...5).map { "\(path).\($0)" }
        for name in names {
            let size = try #require(TemporaryLogDirectory.contents(of: name)?.count, "\(name) exists after \(calls) calls")
            #expect(size > 0 && size <= limit, "\(name) is \(size) bytes, limit \(limit)")
            for line in try TemporaryLogDirectory.lines(of: name) {
                #expect(ServiceLogLine.object(of: line) != nil, "\(name): whole JSON lines only: \(line)")
            }
        }
        #expect(!FileManager.default.fileExists(atPath: "\(path).6"), "no sixth backup")
        // Every kept line was written to stdout too, and the last one ("Oracle service stopped") is in oracle.log.
        let stdout = Set(oracle.stdoutLines)
        let kept = try names.flatMap { try TemporaryLogDirectory.lines(of: $0) }
        #expect(kept.allSatisfy(stdout.contains), "the files hold lines that stdout also got")
        #expect(try TemporaryLogDirectory.lines(of: path).last == oracle.stdoutLines.last)
        print("LogOutputTests: \(calls) GetReading calls, \(oracle.stdoutLines.count) stdout lines, rotation limit \(limit) bytes")
    }

    @Test("A restarted binary appends to the LOG_FILE: the earlier lines are kept")
    func restartAppends() async throws {
        let directory = try TemporaryLogDirectory()
        let first = try await OracleProcess.againstTestDatabase(logDirectory: directory)
        try await first.waitUntilReady()
        #expect(try await first.terminate().exit.status == 0, "\(first.transcript)")
        let firstLines = first.stdoutLines

        let second = try await OracleProcess.againstTestDatabase(logDirectory: directory)
        try await second.waitUntilReady()
        #expect(try await second.terminate().exit.status == 0, "\(second.transcript)")

        let fileLines = try TemporaryLogDirectory.lines(of: first.logFile)
        #expect(firstLines.count >= 3)
        #expect(
            Array(fileLines.prefix(firstLines.count)).sorted() == firstLines.sorted()
                && Array(fileLines.dropFirst(firstLines.count)).sorted() == second.stdoutLines.sorted(),
            "the first run's lines, then the second's\n--- file ---\n\(fileLines.joined(separator: "\n"))"
        )
        #expect(fileLines.filter { ServiceLogLine.message(of: $0) == "Oracle service started" }.count == 2)
    }
}

extension ISO8601DateFormatter {
    /// Parses `2026-02-06T01:15:00.123Z`.
    fileprivate static var withFractionalSeconds: ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }
}
