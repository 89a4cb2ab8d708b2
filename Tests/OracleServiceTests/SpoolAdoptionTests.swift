import Foundation
import Logging
import ServiceRuntime
import ServiceTesting
import TestPostgres
import Testing

@testable import OracleService

/// Several spools under one `NPS_SPOOL_DIR` (`NPS_SPOOL_INSTANCE`): each live one has a locked folder of its own, and
/// the folders of ended ones are adopted, records and dead-letter lines included.
@Suite("Spool instances: one locked folder each, ended ones adopted")
struct SpoolAdoptionTests {
    /// A spool root folder of its own, removed at the end.
    final class Root: Sendable {
        /// `NPS_SPOOL_DIR`.
        let directory = NSTemporaryDirectory() + "spool-adoption-tests-" + UUID().uuidString

        deinit { try? FileManager.default.removeItem(atPath: directory) }

        /// A spool of `instance` in this root; adoption rounds after the one at start only as often as `adoptionInterval`.
        func configuration(_ instance: String?, adoptionInterval: Duration = .seconds(3600)) -> RecordSpool.Configuration {
            RecordSpool.Configuration(directory: directory, instance: instance, adoptionInterval: adoptionInterval)
        }

        /// The entries of the instances folder, sorted.
        var instanceFolders: [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: directory + "/instances")) ?? []).sorted()
        }
    }

    /// Runs a spool of `configuration` (its flush loop and adoption rounds in a child task) for `body`, then cancels
    /// them without a shutdown; the spool, and with it its lock, is gone when this returns, as when a process ends.
    static func withSpool<T: Sendable>(
        _ configuration: RecordSpool.Configuration,
        logs: CapturedLogs = CapturedLogs(),
        _ body: @Sendable (RecordSpool) async throws -> T
    ) async throws -> T {
        let spool = try RecordSpool(configuration: configuration, logger: logs.logger(level: .debug))
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await spool.run() }
            defer { tasks.cancelAll() }
            return try await body(spool)
        }
    }

    /// The keys of the records `spool` holds, oldest first.
    static func keys(_ spool: RecordSpool) -> [String] {
        spool.oldest(1000).map(\.record.key)
    }

    @Test("Two live instances in one root each keep their own records; neither adopts the other's locked folder")
    func liveInstancesApart() async throws {
        let root = Root()
        try await Self.withSpool(root.configuration("a", adoptionInterval: .milliseconds(20))) { a in
            try await a.append([SpoolTests.record("a1"), SpoolTests.record("a2")])
            try await Self.withSpool(root.configuration("b", adoptionInterval: .milliseconds(20))) { b in
                try await b.append([SpoolTests.record("b1")])
                // Adoption rounds of both run meanwhile; had one taken the other's folder, the records would have moved.
                try await Task.sleep(for: .milliseconds(500))
                #expect(Self.keys(a) == ["a1", "a2"] && Self.keys(b) == ["b1"])
                #expect(a.backlog.pending == 2 && b.backlog.pending == 1)
                #expect(root.instanceFolders == ["a", "b"])
            }
            // b has ended: a's next round adopts it.
            let adopted = await eventually(within: .seconds(30)) { a.backlog.pending == 3 && root.instanceFolders == ["a"] }
            #expect(adopted, "pending \(a.backlog.pending), folders \(root.instanceFolders)")
            #expect(Self.keys(a) == ["a1", "a2", "b1"])
        }
    }

    @Test("An ended instance's folder is adopted at start: its records count in pending, its dead-letter lines are kept, the folder goes")
    func endedInstanceAdopted() async throws {
        let root = Root()
        try await Self.withSpool(root.configuration("ended")) { spool in
            for index in 1...5 { try await spool.append([SpoolTests.record("k\(index)")]) }
            try spool.setAsideOldest(try #require(spool.oldest(1).first), reason: "refused for good")
        }
        let logs = CapturedLogs()
        try await Self.withSpool(root.configuration("live"), logs: logs) { spool in
            // A segment is taken over whole, as a restart replays it: k1, set aside, is in it too.
            #expect(Self.keys(spool) == ["k1", "k2", "k3", "k4", "k5"])
            #expect(spool.backlog == WriteBacklog(pending: 5, setAside: 1))
            #expect(root.instanceFolders == ["live"])
        }
        let adoptions = logs.all.filter { $0.message.hasPrefix("Adopted the spool folder of an ended instance") }
        #expect(adoptions.count == 1 && adoptions.first?.level == .info, "\(logs.fullText)")
        #expect(adoptions.first?.metadata["instance"] == "ended" && adoptions.first?.metadata["records"] == "5")
        #expect(adoptions.first?.metadata["set_aside"] == "1")
        let deadLetter = try String(contentsOfFile: root.configuration("live").deadLetterPath, encoding: .utf8)
        #expect(deadLetter.split(separator: "\n").count == 1 && deadLetter.contains(#""key":"k1""#), "\(deadLetter)")

        // The adopted records are on the disk in the live folder: they outlive a crash of the adopter, and leave
        // once stored.
        let folder = root.configuration("live").folder
        try await Self.withSpool(root.configuration("live")) { spool in
            #expect(Self.keys(spool) == ["k1", "k2", "k3", "k4", "k5"])
            spool.markStored(5)
            let removed = await eventually(within: .seconds(30)) {
                ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? ["?"]).allSatisfy { !$0.hasPrefix("segment-") }
            }
            #expect(removed, "\((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])")
        }
    }

    @Test("A folder whose lock is held is not adopted; once the lock is released it is")
    func heldFolderNotAdopted() async throws {
        let root = Root()
        let held = root.configuration("held")
        try FileManager.default.createDirectory(atPath: root.directory + "/instances", withIntermediateDirectories: true)
        do {
            let lock = try SpoolLock.claim(held)
            try Data(try SpoolTests.record("h1").line()).write(to: URL(fileURLWithPath: held.segmentPath(1)))
            try await Self.withSpool(root.configuration("live")) { spool in
                #expect(Self.keys(spool).isEmpty)
                #expect(root.instanceFolders == ["held", "live"])
            }
            withExtendedLifetime(lock) {}
        }
        // The lock is released, as when its process ends.
        try await Self.withSpool(root.configuration("live")) { spool in
            #expect(Self.keys(spool) == ["h1"])
            #expect(root.instanceFolders == ["live"])
        }
    }

    @Test("An instance name whose lock is held stops the start with an error naming NPS_SPOOL_INSTANCE and the folder")
    func sameInstanceRefused() async throws {
        let root = Root()
        var twin = try RunningOracle.configuration(databaseURL: "postgres://u:p@127.0.0.1:1/db")
        twin.spool = root.configuration("twin")
        let configuration = twin
        try await Self.withSpool(root.configuration("twin")) { spool in
            try await spool.append([SpoolTests.record("t1")])
            #expect {
                _ = try OracleApplication.buildApplication(configuration: configuration, logger: Logger(label: "test"))
            } throws: { error in
                (error as? ConfigurationError)?.variable == "NPS_SPOOL_INSTANCE" && "\(error)".contains(configuration.spool.folder)
            }
            #expect(Self.keys(spool) == ["t1"], "the refused start took nothing")
        }
        // Once its process has ended, the name can be used again, and its records are replayed.
        try await Self.withSpool(root.configuration("twin")) { spool in #expect(Self.keys(spool) == ["t1"]) }
    }

    @Test(
        "A bad NPS_SPOOL_INSTANCE (not one folder name of safe characters, blank, over 128 bytes) is a ConfigurationError naming it",
        arguments: ["../x", "a/b", "", "   ", ".", "..", ".hidden", "-dash", "tâche", "two words", String(repeating: "a", count: 129)]
    )
    func badInstanceName(value: String) throws {
        var environment = ConfigurationTests.environment()
        environment["NPS_SPOOL_INSTANCE"] = value
        #expect {
            try OracleConfiguration(environment: ServiceEnvironment(environment))
        } throws: { error in
            (error as? ConfigurationError)?.variable == "NPS_SPOOL_INSTANCE"
        }
    }

    @Test(
        "A Swarm task name, or any name of 1-128 safe characters, is taken as given",
        arguments: ["nps_oracle.2.x9t4k1q0", String(repeating: "a", count: 128)]
    )
    func goodInstanceName(value: String) throws {
        let configuration = try OracleConfiguration(environment: ServiceEnvironment(ConfigurationTests.environment(["NPS_SPOOL_INSTANCE": value])))
        #expect(configuration.spool.instance == value)
        #expect(configuration.spool.folder == "/app/spool/instances/" + value)
    }

    @Test("Without NPS_SPOOL_INSTANCE the spool is NPS_SPOOL_DIR itself, as before: no instances folder, no lock file")
    func unsetKeepsFlatLayout() async throws {
        let configuration = try OracleConfiguration(environment: ServiceEnvironment(ConfigurationTests.environment(["NPS_SPOOL_DIR": "/data/spool"])))
        #expect(configuration.spool.instance == nil && configuration.spool.folder == "/data/spool")
        let root = Root()
        try await Self.withSpool(root.configuration(nil)) { spool in try await spool.append([SpoolTests.record("f1")]) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.directory).sorted() == ["segment-000000000001.jsonl"])
    }

    @Test("What an adoption interrupted by a crash left (a hidden, emptied folder) is removed by the next round")
    func emptiedFolderRemoved() async throws {
        let root = Root()
        let emptied = root.directory + "/instances/.adopted-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: emptied, withIntermediateDirectories: true)
        try Data().write(to: URL(fileURLWithPath: emptied + "/lock"))
        try await Self.withSpool(root.configuration("live")) { _ in #expect(root.instanceFolders == ["live"]) }
    }

    @Test("A graceful shutdown with records unwritten (database away) leaves the folder and releases the lock: another instance adopts them")
    func shutdownLeavesFolderToAdopt() async throws {
        let root = Root()
        var configuration = try RunningOracle.configuration(databaseURL: DurableWriteTests.unreachableDatabase)
        configuration.spool = root.configuration("stopping")
        let prefix = DurableWriteTests.prefix("shutdown")
        try await RunningOracle.with(configuration, keepingSpool: true) { oracle in
            try await oracle.withOracle { client in
                for index in 1...5 { try await DurableWriteTests.suggest(client, key: "\(prefix)-\(index)") }
            }
        }
        #expect(root.instanceFolders == ["stopping"])
        try await Self.withSpool(root.configuration("next")) { spool in
            #expect(Self.keys(spool) == (1...5).map { "\(prefix)-\($0)" })
            #expect(root.instanceFolders == ["next"])
        }
    }

    @Test("SIGKILL of an Oracle with records unwritten (database away): another instance on the same NPS_SPOOL_DIR adopts them, each stored once")
    func killedInstanceAdopted() async throws {
        let prefix = DurableWriteTests.prefix("adopted")
        let first = try OracleProcess(databaseURL: DurableWriteTests.unreachableDatabase, environment: ["NPS_SPOOL_INSTANCE": "oracle.1.first"])
        try await first.waitUntilReady()
        try await first.withOracle { client in
            for index in 1...20 { try await DurableWriteTests.suggest(client, key: "\(prefix)-\(index)") }
        }
        _ = try await first.terminate(signal: SIGKILL)

        let second = try OracleProcess(
            databaseURL: try await TestDatabase.shared.start(),
            environment: ["NPS_SPOOL_INSTANCE": "oracle.1.second"],
            logDirectory: first.logDirectory
        )
        try await second.waitUntilReady()
        let stored = try await eventually(within: .seconds(20)) { try await DurableWriteTests.rows("oracle_suggestions", prefix: prefix).rows >= 20 }
        #expect(stored, "\(second.transcript)")
        #expect(try await DurableWriteTests.rows("oracle_suggestions", prefix: prefix) == (20, 20))
        let adoptions = second.logLines { $0.hasPrefix("Adopted the spool folder of an ended instance") }
        #expect(adoptions.count == 1 && adoptions.first?["records"] as? String == "20", "\(second.transcript)")
        let instances = try FileManager.default.contentsOfDirectory(atPath: first.logDirectory.file("spool") + "/instances")
        #expect(instances == ["oracle.1.second"])
        _ = try await second.terminate()
    }
}
