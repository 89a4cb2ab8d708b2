import CheckpointRules
import Testing

/// INT.backup's rules on the snapshots taken around a backup and a restore, and on backup.sh's answer.
@Suite("Backup rules (INT.backup) on table snapshots")
struct BackupRules {
    /// psql's answers for the two tables at the backup.
    static let atBackup = [
        TableSnapshot(table: "oracle_suggestions", psql: "4|9bf51079b4b5ac962bb607414545eee3\n"),
        TableSnapshot(table: "insights", psql: "5|f312223d61c19e5dd0399f1680efafb0\n"),
    ].compactMap { $0 }

    @Test("psql's count|md5 line parses; an error, an empty answer or a malformed line does not")
    func parsing() throws {
        let snapshot = try #require(TableSnapshot(table: "insights", psql: "5|F312223D61C19E5DD0399F1680EFAFB0\n"))
        #expect(snapshot == TableSnapshot(table: "insights", rows: 5, checksum: "f312223d61c19e5dd0399f1680efafb0"))
        #expect(TableSnapshot(table: "insights", psql: "") == nil)
        #expect(TableSnapshot(table: "insights", psql: "ERROR:  relation \"insights\" does not exist") == nil)
        #expect(TableSnapshot(table: "insights", psql: "5|f312") == nil)
        #expect(TableSnapshot(table: "insights", psql: "five|f312223d61c19e5dd0399f1680efafb0") == nil)
        #expect(TableSnapshot(table: "insights", psql: "5|f312223d61c19e5dd0399f1680efafb0\n6|f312223d61c19e5dd0399f1680efafb0") == nil)
        #expect(TableSnapshot.query(of: "insights").hasSuffix("FROM insights t"))
    }

    @Test("INT.backup holds when both tables have the counts and checksums they had at the backup")
    func equalSnapshots() {
        #expect(Self.atBackup.count == 2)
        let outcome = BackupChecks.unchanged(Self.atBackup, expected: Self.atBackup, after: "after restore.sh")
        #expect(outcome.passed, "\(outcome.reason)")
        #expect(outcome.id == Requirements.intBackup.id)
    }

    @Test("INT.backup fails for a changed row count, naming the table and both counts")
    func changedCount() {
        let restored = [Self.atBackup[0], TableSnapshot(table: "insights", rows: 6, checksum: Self.atBackup[1].checksum)]
        let outcome = BackupChecks.unchanged(restored, expected: Self.atBackup, after: "after restore.sh")
        #expect(!outcome.passed)
        #expect(outcome.reason == "insights: 5 rows at the backup, 6 after restore.sh")
    }

    @Test("INT.backup fails for a changed content checksum with the same count (a row edited, or one deleted and one added)")
    func changedChecksum() {
        let restored = [TableSnapshot(table: "oracle_suggestions", rows: 4, checksum: "e34d2d24e1412fed9c56426d15ae3fea"), Self.atBackup[1]]
        let outcome = BackupChecks.unchanged(restored, expected: Self.atBackup, after: "after restore.sh")
        #expect(!outcome.passed)
        #expect(outcome.reason.hasPrefix("oracle_suggestions: content md5 9bf51079"), "\(outcome.reason)")
    }

    @Test("INT.backup fails for a table with no snapshot afterwards")
    func missingTable() {
        let outcome = BackupChecks.unchanged([Self.atBackup[0]], expected: Self.atBackup, after: "after restore.sh")
        #expect(!outcome.passed)
        #expect(outcome.reason == "insights: no snapshot after restore.sh")
    }

    @Test("a refusal holds with a non-zero exit, a message naming the problem and the data unchanged; an exit 0 or changed data fail")
    func refusals() {
        let refused = BackupChecks.refused(
            exitStatus: 1,
            message: "restore.sh: no such file: /tmp/missing.dump\n",
            naming: "no such file",
            before: Self.atBackup,
            after: Self.atBackup
        )
        #expect(refused.passed, "\(refused.reason)")
        let changed = [Self.atBackup[0], TableSnapshot(table: "insights", rows: 0, checksum: "d41d8cd98f00b204e9800998ecf8427e")]
        let damaged = BackupChecks.refused(exitStatus: 0, message: "", naming: "corrupt", before: Self.atBackup, after: changed)
        #expect(!damaged.passed)
        #expect(damaged.reason.contains("restore.sh exited 0"), "\(damaged.reason)")
        #expect(damaged.reason.contains("does not say \"corrupt\""), "\(damaged.reason)")
        #expect(damaged.reason.contains("insights: 5 rows at the backup, 0 after the refusal"), "\(damaged.reason)")
    }

    @Test("backup.sh's answer holds for exit 0 and an existing nps-YYYYmmdd-HHMMSS.dump in the backups folder, and fails otherwise")
    func backupPath() {
        let folder = "/repo/infrastructure/volumes/backups"
        let made = BackupChecks.backupMade(exitStatus: 0, lastLine: "\(folder)/nps-20261204-211226.dump", directory: folder, exists: true)
        #expect(made.passed, "\(made.reason)")
        let wrong = BackupChecks.backupMade(exitStatus: 1, lastLine: "/tmp/nps.dump", directory: folder, exists: false)
        #expect(!wrong.passed)
        #expect(wrong.measured.hasPrefix("0/4 points hold"), "\(wrong.measured)")
    }
}
