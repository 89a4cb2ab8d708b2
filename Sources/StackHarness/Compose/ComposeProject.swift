import Foundation
import ProcessRunning

/// A Compose project: which file, which env file, which project name; every method runs `docker compose` on it.
package struct ComposeProject: Sendable {
    /// The compose file (`-f`).
    package let composeFile: URL
    /// The env file (`--env-file`); `nil` lets Compose read `.env` next to the compose file.
    package let environmentFile: URL?
    /// The project name (`-p`).
    package let name: String
    /// The directory `docker compose` runs in.
    package let workingDirectory: URL
    /// The docker CLI that runs it.
    package let docker: DockerCLI

    /// Describes a project; the working directory defaults to the compose file's folder.
    package init(composeFile: URL, environmentFile: URL? = nil, name: String, workingDirectory: URL? = nil, docker: DockerCLI) {
        self.composeFile = composeFile
        self.environmentFile = environmentFile
        self.name = name
        self.workingDirectory = workingDirectory ?? composeFile.deletingLastPathComponent()
        self.docker = docker
    }

    /// The NPS stack: infrastructure/docker-compose.yml, project "nps", with the given env file (default: Compose's `.env`).
    package static func nps(layout: RepositoryLayout, environmentFile: URL? = nil, docker: DockerCLI) -> ComposeProject {
        ComposeProject(composeFile: layout.composeFile, environmentFile: environmentFile, name: "nps", workingDirectory: layout.root, docker: docker)
    }

    /// The command `docker compose -f <file> [--env-file <file>] -p <name> <arguments>`, with `environment` added to
    /// the process's own (which Compose interpolates before the env file).
    package func command(_ arguments: [String], environment: [String: String] = [:]) -> Command {
        let file = environmentFile.map { ["--env-file", $0.path] } ?? []
        return docker.command(
            ["compose", "-f", composeFile.path] + file + ["-p", name] + arguments,
            environment: environment,
            workingDirectory: workingDirectory
        )
    }

    /// Runs `docker compose … <arguments>` and throws `CommandFailure` unless it succeeds.
    @discardableResult
    package func run(_ arguments: [String], timeout: Duration? = nil) async throws -> CommandResult {
        try await docker.runner.run(command(arguments), timeout: timeout)
    }

    /// Runs `docker compose … <arguments>` and returns the result whatever the exit status.
    package func capture(_ arguments: [String], timeout: Duration? = nil) async throws -> CommandResult {
        try await docker.runner.capture(command(arguments), timeout: timeout)
    }
}
