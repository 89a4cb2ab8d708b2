import Foundation

/// The repository's root and the standard paths the checkpoints read.
package struct RepositoryLayout: Sendable, Hashable {
    /// The folder holding Package.swift and infrastructure/.
    package let root: URL

    /// A layout rooted at `root` (not checked).
    package init(root: URL) {
        self.root = root
    }

    /// Walks up from the caller's source file, then from the current directory, to the folder with Package.swift and infrastructure/.
    package static func locate(
        filePath: String = #filePath,
        currentDirectory: String = FileManager.default.currentDirectoryPath
    ) throws -> RepositoryLayout {
        let starts = [URL(fileURLWithPath: filePath).deletingLastPathComponent(), URL(fileURLWithPath: currentDirectory, isDirectory: true)]
        for start in starts {
            var folder = start.standardizedFileURL
            while true {
                if isRoot(folder) { return RepositoryLayout(root: folder) }
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { break }
                folder = parent
            }
        }
        throw HarnessError.repositoryRootNotFound(searchedFrom: starts.map(\.path))
    }

    // The root is the one folder that holds both the package manifest and the infrastructure.
    private static func isRoot(_ folder: URL) -> Bool {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        return fileManager.fileExists(atPath: folder.appendingPathComponent("Package.swift").path)
            && fileManager.fileExists(atPath: folder.appendingPathComponent("infrastructure").path, isDirectory: &isDirectory)
            && isDirectory.boolValue
    }

    /// infrastructure/.
    package var infrastructure: URL { root.appendingPathComponent("infrastructure", isDirectory: true) }
    /// infrastructure/docker-compose.yml.
    package var composeFile: URL { infrastructure.appendingPathComponent("docker-compose.yml") }
    /// infrastructure/swarm/stack.yml: the same stack for `docker stack deploy` (deploy.sh).
    package var stackFile: URL { infrastructure.appendingPathComponent("swarm/stack.yml") }
    /// infrastructure/.env.example.
    package var environmentExample: URL { infrastructure.appendingPathComponent(".env.example") }
    /// infrastructure/.env (git-ignored; may not exist).
    package var environmentFile: URL { infrastructure.appendingPathComponent(".env") }
    /// infrastructure/Dockerfiles/.
    package var dockerfiles: URL { infrastructure.appendingPathComponent("Dockerfiles", isDirectory: true) }
    /// infrastructure/Dockerfiles/oracle.Dockerfile.
    package var oracleDockerfile: URL { dockerfiles.appendingPathComponent("oracle.Dockerfile") }
    /// infrastructure/Dockerfiles/web-ui.Dockerfile.
    package var webUIDockerfile: URL { dockerfiles.appendingPathComponent("web-ui.Dockerfile") }
    /// infrastructure/scripts/.
    package var scripts: URL { infrastructure.appendingPathComponent("scripts", isDirectory: true) }
    /// infrastructure/scripts/setup-engine.sh.
    package var setupEngineScript: URL { scripts.appendingPathComponent("setup-engine.sh") }
    /// infrastructure/scripts/offline-images.sh.
    package var offlineImagesScript: URL { scripts.appendingPathComponent("offline-images.sh") }
    /// infrastructure/scripts/up.sh.
    package var upScript: URL { scripts.appendingPathComponent("up.sh") }
    /// infrastructure/scripts/down.sh.
    package var downScript: URL { scripts.appendingPathComponent("down.sh") }
    /// infrastructure/scripts/health-check.sh.
    package var healthCheckScript: URL { scripts.appendingPathComponent("health-check.sh") }
    /// infrastructure/volumes/logs/ (the Oracle's /app/logs on the host).
    package var logsVolume: URL { infrastructure.appendingPathComponent("volumes/logs", isDirectory: true) }
    /// infrastructure/volumes/spool/ (the Oracle's /app/spool on the host: acknowledged records not yet stored).
    package var spoolVolume: URL { infrastructure.appendingPathComponent("volumes/spool", isDirectory: true) }
    /// infrastructure/volumes/tls/ (the web-ui's cert.pem and key.pem).
    package var tlsDirectory: URL { infrastructure.appendingPathComponent("volumes/tls", isDirectory: true) }
    /// infrastructure/volumes/tls/cert.pem.
    package var tlsCertificate: URL { tlsDirectory.appendingPathComponent("cert.pem") }
    /// infrastructure/volumes/logs/oracle.log.
    package var oracleLogFile: URL { logsVolume.appendingPathComponent("oracle.log") }
    /// fixtures/ (the Messages API stand-in and the broken variants the checkpoint suites must catch).
    package var fixtures: URL { root.appendingPathComponent("fixtures", isDirectory: true) }
    /// reports/checkpoints/ (the default report folder).
    package var reportsDirectory: URL { root.appendingPathComponent("reports/checkpoints", isDirectory: true) }
}
