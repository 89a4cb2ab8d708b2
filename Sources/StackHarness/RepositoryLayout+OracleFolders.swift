import Foundation

extension RepositoryLayout {
    /// The uid the Oracle runs as, which must own the folders it writes into.
    package static let oracleUID: uid_t = 1000

    /// The host folders bind-mounted into the Oracle and written by it: its logs and its spool.
    package var oracleFolders: [URL] { [logsVolume, spoolVolume] }

    /// Makes the Oracle's folders exist and belong to its uid, as up.sh does: the engine would create a missing one
    /// owned by root, where the Oracle cannot write. Without the right to chown, the folder is opened to all.
    package func prepareOracleFolders() throws {
        for folder in oracleFolders {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            if chown(folder.path, Self.oracleUID, Self.oracleUID) != 0 {
                try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: folder.path)
            }
        }
    }
}
