import CheckpointRules
import Foundation
import ProcessRunning
import StackHarness
import Testing

extension Checkpoints.Integrity {
    @Test(
        "INT.backup: backup.sh backs the database up while the stack runs; after changes, restore.sh PATH brings both tables back as they were; a missing or corrupt file is refused and changes nothing",
        arguments: [Requirements.intBackup]
    )
    func intBackup(_ requirement: Requirement) async throws {
        let stack = Stack.shared
        try await stack.ensureRunning()
        let database = try StackDatabase(stack: stack)
        var made: [URL] = []
        defer {
            for file in made { try? FileManager.default.removeItem(at: file) }
        }

        // Rows in both tables: a range suggestion through the api (the Oracle writes it) and a few inserted directly.
        let session = "int-backup-\(UUID().uuidString.prefix(8))"
        let suggestion = try await HTTPFetch.post(
            try stack.apiURL("/api/oracle/suggest-range"),
            json: #"{"puzzle_number":66}"#,
            timeout: .seconds(20)
        )
        #expect(suggestion.status == 200, "suggest-range answered \(suggestion.status): \(suggestion.text.prefix(300))")
        try await database.insert(rows: 3, session: session)
        let filled = try await database.settled()
        for table in filled {
            try #require(table.rows > 0, "\(table.table) has no rows to back up")
        }

        // The backup, with snapshots on both sides: equal, so the backup holds exactly them (a write that landed
        // during backup.sh would make the comparison meaningless; then it is made again).
        var backup: (result: CommandResult, lastLine: String)?
        var atBackup: [TableSnapshot] = []
        for _ in 1...3 {
            let before = try await database.settled()
            let run = try await database.stack.script("backup.sh")
            let lastLine = run.standardOutput.split(whereSeparator: \.isNewline).last.map(String.init) ?? ""
            if run.succeeded, !lastLine.isEmpty { made.append(URL(fileURLWithPath: lastLine)) }
            backup = (run, lastLine)
            atBackup = try await database.snapshots()
            if !run.succeeded || before == atBackup { break }
        }
        let (backupRun, backupPath) = try #require(backup)
        try await prove(
            Measurement(
                BackupChecks.backupMade(
                    exitStatus: backupRun.exitStatus,
                    lastLine: backupPath,
                    directory: stack.layout.infrastructure.appendingPathComponent("volumes/backups").path,
                    exists: !backupPath.isEmpty && FileManager.default.fileExists(atPath: backupPath),
                    tables: atBackup
                ),
                subject: "backup.sh while the stack runs: its exit status, the path it printed last, the tables it holds",
                limit: "exit 0; the last line of stdout an existing infrastructure/volumes/backups/nps-YYYYmmdd-HHMMSS.dump",
                measuredBy: backupRun
            )
        )
        try #require(backupRun.succeeded, "backup.sh failed: \(backupRun.transcript)")

        // Change the data: more rows in both tables, and one deleted from each.
        try await database.insert(rows: 2, session: session + "-later")
        try await database.deleteOldest()
        let changed = try await database.snapshots()
        #expect(changed != atBackup, "the changes did not change the tables: \(changed)")

        let restore = try await database.stack.script("restore.sh", backupPath)
        #expect(restore.succeeded, "restore.sh failed: \(restore.transcript)")
        let restored = try await database.snapshots()
        try await prove(
            Measurement(
                BackupChecks.unchanged(restored, expected: atBackup, after: "after restore.sh"),
                subject: "both tables after restore.sh of the backup, against the backup (changed in between)",
                limit: requirement.limit,
                measuredBy: restore
            )
        )

        // Refusals: nothing may change.
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("nps-int-backup-missing-\(UUID().uuidString).dump")
        try await backupRefusal(of: missing, naming: "no such file", database: database)

        let corrupt = FileManager.default.temporaryDirectory.appendingPathComponent("nps-int-backup-corrupt-\(UUID().uuidString).dump")
        try Data((0..<64).map { _ in UInt8.random(in: 0...255) }).write(to: corrupt)
        defer { try? FileManager.default.removeItem(at: corrupt) }
        try await backupRefusal(of: corrupt, naming: "corrupt", database: database)

        // restore.sh restarted the Oracle only; the api and the scanner may have gone unhealthy without it.
        try await stack.ensureRunning()
    }

    /// restore.sh of `file` exits non-zero with a message that says `problem`, and leaves both tables as they were.
    private func backupRefusal(of file: URL, naming problem: String, database: StackDatabase) async throws {
        let before = try await database.snapshots()
        let run = try await database.stack.script("restore.sh", file.path)
        let after = try await database.snapshots()
        try await prove(
            Measurement(
                BackupChecks.refused(exitStatus: run.exitStatus, message: run.standardError, naming: problem, before: before, after: after),
                subject: "restore.sh of a \(problem == "corrupt" ? "corrupt (64 random bytes)" : "missing") file",
                limit: "refused: exit ≠ 0, one line saying \"\(problem)\", both tables unchanged",
                measuredBy: run
            )
        )
    }
}

/// What INT.backup does with the stack's database: tagged rows in both tables and snapshots of the two tables.
extension StackDatabase {
    /// Inserts `rows` rows into each table, tagged with `session`.
    func insert(rows: Int, session: String) async throws {
        for index in 1...rows {
            try await psql(
                """
                INSERT INTO insights (insight_type, content, source, session_id) VALUES ('session', 'int.backup insight \(index)', 'rules', '\(session)');
                INSERT INTO oracle_suggestions (suggestion_type, suggestion, session_id)
                    VALUES ('range', '{"start": "0x\(index)", "end": "0x\(index)ff", "test": "int.backup"}', '\(session)');
                """
            )
        }
    }

    /// Deletes the oldest row of each table.
    func deleteOldest() async throws {
        for table in TableSnapshot.tables {
            try await psql("DELETE FROM \(table) WHERE id = (SELECT min(id) FROM \(table))")
        }
    }

    /// The count and checksum of each table now.
    func snapshots() async throws -> [TableSnapshot] {
        var snapshots: [TableSnapshot] = []
        for table in TableSnapshot.tables {
            let run = try await psql(TableSnapshot.query(of: table))
            snapshots.append(try #require(TableSnapshot(table: table, psql: run.standardOutput), "psql printed \(run.standardOutput) for \(table)"))
        }
        return snapshots
    }

    /// Snapshots once two taken 500 ms apart agree (the Oracle's queued writes, the scanner's first suggestion, have
    /// landed), within 15 s; the last ones otherwise.
    func settled() async throws -> [TableSnapshot] {
        let clock = ContinuousClock()
        let start = clock.now
        var last = try await snapshots()
        while clock.now - start < .seconds(15) {
            try await Task.sleep(for: .milliseconds(500))
            let next = try await snapshots()
            if next == last { break }
            last = next
        }
        return last
    }
}
