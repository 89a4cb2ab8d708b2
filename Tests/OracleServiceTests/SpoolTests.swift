import Foundation
import Logging
import ServiceRuntime
import ServiceTesting
import Testing

@testable import OracleService

/// The spool on its own, in a temporary folder: what is acknowledged is on the disk, replays after a crash, and
/// leaves once stored; the bounds refuse rather than drop.
@Suite("Spool: durable, bounded, replayed")
struct SpoolTests {
    /// A spool folder of its own, removed at the end.
    final class Folder: Sendable {
        /// The spool's configuration in this folder.
        let configuration: RecordSpool.Configuration

        init(maxRecords: Int = 1000, maxBytes: Int = 1 << 20, segmentBytes: Int = 4 << 20) {
            configuration = RecordSpool.Configuration(
                directory: NSTemporaryDirectory() + "spool-tests-" + UUID().uuidString,
                maxRecords: maxRecords,
                maxBytes: maxBytes,
                segmentBytes: segmentBytes
            )
        }

        deinit { try? FileManager.default.removeItem(atPath: configuration.directory) }

        /// The segment files now in the folder, sorted.
        var segmentFiles: [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: configuration.directory)) ?? [])
                .filter { RecordSpool.Configuration.segmentNumber(ofFile: $0) != nil }.sorted()
        }
    }

    /// A record of `oracle_suggestions` under `key`.
    static func record(_ key: String) -> SpooledRecord {
        SpooledRecord(key: key, record: .suggestion(type: "range", json: #"{"n":"\#(key)"}"#, sessionID: nil))
    }

    /// Runs a spool opened on `folder` (its flush loop in a child task) for `body`, then cancels the loop without
    /// a shutdown: what `body` did not mark stored stays on the disk, as after a crash.
    static func withSpool<T: Sendable>(
        _ folder: Folder,
        logs: CapturedLogs = CapturedLogs(),
        _ body: @Sendable (RecordSpool) async throws -> T
    ) async throws -> T {
        let spool = try RecordSpool(configuration: folder.configuration, logger: logs.logger(level: .debug))
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await spool.run() }
            defer { tasks.cancelAll() }
            return try await body(spool)
        }
    }

    @Test("Acknowledged records are on the disk: a spool opened again on the folder (a crash) has them, in order")
    func replayAfterCrash() async throws {
        let folder = Folder()
        try await Self.withSpool(folder) { spool in
            for index in 1...5 { try await spool.append([Self.record("k\(index)")]) }
            #expect(spool.backlog == WriteBacklog(pending: 5, setAside: 0))
        }
        try await Self.withSpool(folder) { spool in
            #expect(spool.oldest(10).map(\.record.key) == ["k1", "k2", "k3", "k4", "k5"])
            #expect(spool.backlog.pending == 5)
        }
    }

    @Test("A partial last line (a crash inside an append, never acknowledged) is dropped and cut off; the lines before it stay")
    func partialLineDropped() async throws {
        let folder = Folder()
        try await Self.withSpool(folder) { spool in try await spool.append([Self.record("a"), Self.record("b")]) }
        let path = folder.configuration.directory + "/" + (try #require(folder.segmentFiles.first))
        let complete = try Data(contentsOf: URL(fileURLWithPath: path))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"key":"c","rec"#.utf8))
        try handle.close()

        let logs = CapturedLogs()
        try await Self.withSpool(folder, logs: logs) { spool in
            #expect(spool.oldest(10).map(\.record.key) == ["a", "b"])
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == complete, "the partial line is still in \(path)")
        #expect(logs.messages.filter { $0.hasPrefix("Spool segment ended in a partial line") }.count == 1, "\(logs.fullText)")
    }

    @Test("An unreadable complete line is set aside in dead-letter.jsonl with an ERROR line; the records around it are kept and counted")
    func unreadableLineSetAside() async throws {
        let folder = Folder()
        try FileManager.default.createDirectory(atPath: folder.configuration.directory, withIntermediateDirectories: true)
        let lines = [try Self.record("a").line(), Array("not json\n".utf8), try Self.record("b").line()].flatMap { $0 }
        try Data(lines).write(to: URL(fileURLWithPath: folder.configuration.segmentPath(1)))

        let logs = CapturedLogs()
        try await Self.withSpool(folder, logs: logs) { spool in
            #expect(spool.oldest(10).map(\.record.key) == ["a", "b"])
            #expect(spool.backlog == WriteBacklog(pending: 2, setAside: 1))
        }
        let deadLetter = try String(contentsOfFile: folder.configuration.deadLetterPath, encoding: .utf8)
        #expect(deadLetter.split(separator: "\n").count == 1 && deadLetter.contains("not json"), "\(deadLetter)")
        #expect(logs.all.filter { $0.level == .error }.count == 1, "\(logs.fullText)")
    }

    @Test("Past NPS_SPOOL_MAX_RECORDS an append is refused with SpoolFull and nothing of it is kept")
    func boundInRecords() async throws {
        let folder = Folder(maxRecords: 3)
        try await Self.withSpool(folder) { spool in
            try await spool.append([Self.record("1"), Self.record("2")])
            await #expect(throws: SpoolFull.self) { try await spool.append([Self.record("3"), Self.record("4")]) }
            try await spool.append([Self.record("3")])
            await #expect(throws: SpoolFull.self) { try await spool.append([Self.record("4")]) }
            #expect(spool.oldest(10).map(\.record.key) == ["1", "2", "3"])
        }
        try await Self.withSpool(folder) { spool in #expect(spool.backlog.pending == 3) }
    }

    @Test("Past NPS_SPOOL_MAX_BYTES an append is refused with SpoolFull naming both bounds")
    func boundInBytes() async throws {
        let line = try Self.record("k1").line().count
        let folder = Folder(maxBytes: line * 2 + 1)
        try await Self.withSpool(folder) { spool in
            try await spool.append([Self.record("k1"), Self.record("k2")])
            do {
                try await spool.append([Self.record("k3")])
                Issue.record("a third record fitted in \(line * 2 + 1) bytes")
            } catch let full as SpoolFull {
                #expect(full.waitingRecords == 2 && full.waitingBytes == line * 2)
                #expect("\(full)".contains("NPS_SPOOL_MAX_BYTES=\(line * 2 + 1)") && "\(full)".contains("NPS_SPOOL_MAX_RECORDS"))
            }
            spool.markStored(1)
            try await spool.append([Self.record("k3")])
        }
    }

    // A file partly stored is replayed whole; its stored rows are skipped by their keys.
    @Test("Stored records leave the disk: segments rotate at their size and each file goes with its last record")
    func storedRecordsLeave() async throws {
        let lineBytes = try Self.record("k01").line().count
        let folder = Folder(segmentBytes: lineBytes * 3)
        try await Self.withSpool(folder) { spool in
            for index in 1...9 { try await spool.append([Self.record(String(format: "k%02d", index))]) }
            #expect(folder.segmentFiles.count == 3, "\(folder.segmentFiles)")
            spool.markStored(4)
            #expect(folder.segmentFiles.count == 2, "the first segment's records are stored: \(folder.segmentFiles)")
        }
        try await Self.withSpool(folder) { spool in
            #expect(spool.oldest(10).map(\.record.key) == ["k04", "k05", "k06", "k07", "k08", "k09"])
            spool.markStored(6)
            // The drained active segment goes too once nothing new comes, so an idle spool replays nothing.
            let empty = await eventually(within: .seconds(5)) { folder.segmentFiles.isEmpty }
            #expect(empty, "\(folder.segmentFiles)")
        }
    }

    @Test("Appends that arrive together share the disk write, and each is acknowledged once it is on the disk")
    func concurrentAppends() async throws {
        let folder = Folder(maxRecords: 10_000)
        try await Self.withSpool(folder) { spool in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<400 { group.addTask { try await spool.append([Self.record("c\(index)")]) } }
                try await group.waitForAll()
            }
            #expect(spool.backlog.pending == 400)
        }
        try await Self.withSpool(folder) { spool in
            #expect(Set(spool.oldest(1000).map(\.record.key)) == Set((0..<400).map { "c\($0)" }))
        }
    }

    @Test("A spool folder that cannot be written stops the start with an error naming NPS_SPOOL_DIR")
    func unwritableFolder() throws {
        var configuration = try RunningOracle.configuration(databaseURL: "postgres://u:p@127.0.0.1:1/db")
        configuration.spool.directory = "/proc/nps-spool"
        #expect {
            _ = try OracleApplication.buildApplication(configuration: configuration, logger: Logger(label: "test"))
        } throws: { error in
            (error as? ConfigurationError)?.variable == "NPS_SPOOL_DIR" && "\(error)".contains("/proc/nps-spool")
        }
    }
}
