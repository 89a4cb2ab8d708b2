import Foundation
import ProcessRunning

/// What to keep when a checkpoint fails: each container's logs and inspect output, `compose ps` and the run's engine
/// events, with the secrets hidden (`docker inspect` lists every variable of a container's environment).
package struct FailureBundle: Sendable {
    /// The folder the files go to (`<report dir>/failure-bundle`).
    package let directory: URL
    /// The project whose containers are captured.
    package let compose: ComposeProject
    /// What every file written hides.
    package let redaction: SecretRedaction

    /// A bundle for `compose`, written under `reportDirectory`/failure-bundle, hiding what `redaction` hides.
    package init(reportDirectory: URL, compose: ComposeProject, redaction: SecretRedaction) {
        self.directory = reportDirectory.appendingPathComponent("failure-bundle", isDirectory: true)
        self.compose = compose
        self.redaction = redaction
    }

    /// Writes logs and inspect output of `containers` (default: all of the project's), `compose ps` and events since `since`; returns the files.
    // Best effort: a command that fails leaves its transcript (or its error) in the file instead.
    @discardableResult
    package func write(since: Date, containers: [String]? = nil) async throws -> [URL] {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let docker = compose.docker
        var written: [URL] = []
        func keep(_ name: String, _ run: () async throws -> CommandResult) async throws {
            let file = directory.appendingPathComponent(name)
            let text: String
            do {
                text = try await run().transcript
            } catch {
                text = String(describing: error)
            }
            try Data(redaction.redact(text).utf8).write(to: file, options: .atomic)
            written.append(file)
        }

        let listed = try? await compose.ps(all: true)
        try await keep("compose-ps.txt") {
            if let listed { return listed.result }
            return try await compose.capture(["ps", "--all"], timeout: .seconds(60))
        }
        try await keep("engine-events.txt") {
            try await docker.capture(
                ["events", "--since", DockerCLI.unixTimestamp(since), "--until", DockerCLI.unixTimestamp(Date()), "--format", "{{json .}}"],
                timeout: .seconds(60)
            )
        }
        for container in containers ?? (listed?.value.map(\.name) ?? []) {
            try await keep("\(container).logs.txt") {
                try await docker.capture(["logs", "--timestamps", container], timeout: .seconds(60))
            }
            try await keep("\(container).inspect.txt") {
                try await docker.capture(["inspect", container], timeout: .seconds(60))
            }
        }
        return written
    }
}
