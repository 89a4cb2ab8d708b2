import Foundation

/// The rules of INT.backup on what the harness measured around backup.sh and restore.sh: the path backup.sh
/// printed, and snapshots (row count and content checksum) of the tables at the backup and afterwards.
package enum BackupChecks {
    /// INT.backup: backup.sh exited 0 and its last line of stdout is the path of a backup file in `directory`,
    /// named nps-YYYYmmdd-HHMMSS.dump, that exists (`exists`, as the harness found it); `tables` are the snapshots at
    /// the backup, for the summary.
    package static func backupMade(
        exitStatus: Int32,
        lastLine: String,
        directory: String,
        exists: Bool,
        tables: [TableSnapshot] = []
    ) -> CheckOutcome {
        var points = RequirementPoints(Requirements.intBackup.id)
        points.expect(exitStatus == 0, "backup.sh exited with status \(exitStatus)")
        let folder = directory.hasSuffix("/") ? directory : directory + "/"
        points.expect(lastLine.hasPrefix(folder), "its last line \"\(lastLine)\" is not a path in \(folder)")
        let name = lastLine.split(separator: "/").last.map(String.init) ?? ""
        points.expect(isBackupName(name), "\"\(name)\" is not named nps-YYYYmmdd-HHMMSS.dump")
        points.expect(exists, "\(lastLine) does not exist")
        let held = tables.isEmpty ? "" : " holding " + tables.map(\.description).joined(separator: "; ")
        return points.outcome(summary: "exit 0, \(lastLine)\(held)")
    }

    /// INT.backup: every table of `expected` has, in `actual`, the same row count and content checksum; `moment`
    /// says when `actual` was taken ("after restore.sh"), for the reason.
    package static func unchanged(_ actual: [TableSnapshot], expected: [TableSnapshot], after moment: String) -> CheckOutcome {
        var points = RequirementPoints(Requirements.intBackup.id)
        points.expect(!expected.isEmpty, "no snapshot was taken at the backup")
        for table in expected {
            guard let now = actual.first(where: { $0.table == table.table }) else {
                points.expect(false, "\(table.table): no snapshot \(moment)")
                continue
            }
            points.expect(now.rows == table.rows, "\(table.table): \(table.rows) rows at the backup, \(now.rows) \(moment)")
            points.expect(
                now.checksum == table.checksum,
                "\(table.table): content md5 \(table.checksum) at the backup, \(now.checksum) \(moment)"
            )
        }
        return points.outcome(summary: actual.map(\.description).joined(separator: "; ") + " \(moment), as at the backup")
    }

    /// INT.backup's refusals: restore.sh exited non-zero, its message names the problem (contains `problem`), and the
    /// tables are as `before` (nothing was touched).
    package static func refused(
        exitStatus: Int32,
        message: String,
        naming problem: String,
        before: [TableSnapshot],
        after: [TableSnapshot]
    ) -> CheckOutcome {
        var points = RequirementPoints(Requirements.intBackup.id)
        points.expect(exitStatus != 0, "restore.sh exited 0")
        let said = message.trimmingCharacters(in: .whitespacesAndNewlines)
        points.expect(said.contains(problem), "its message does not say \"\(problem)\": \(said.isEmpty ? "(none)" : String(said.prefix(300)))")
        let data = unchanged(after, expected: before, after: "after the refusal")
        points.expect(data.passed, data.reason)
        return points.outcome(summary: "exit \(exitStatus): \(said.split(whereSeparator: \.isNewline).last.map(String.init) ?? ""); data unchanged")
    }

    // nps-YYYYmmdd-HHMMSS.dump
    private static func isBackupName(_ name: String) -> Bool {
        let digits = name.filter(\.isNumber)
        let shape = name.map { $0.isNumber ? "9" : String($0) }.joined()
        return digits.count == 14 && shape == "nps-99999999-999999.dump"
    }
}
