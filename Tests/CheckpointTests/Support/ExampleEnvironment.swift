import CheckpointRules
import Foundation
import StackHarness

/// A `.env` made from `infrastructure/.env.example` in a temporary folder, optionally without some
/// variables, for `docker compose config` runs that must not depend on (or touch) the user's
/// `infrastructure/.env`. `remove()` deletes the folder.
struct ExampleEnvironment {
    /// The temporary folder.
    let directory: URL
    /// The `.env` file in it.
    let file: URL

    /// Copies the example, leaving out the assignment lines of `names`.
    init(layout: RepositoryLayout, without names: Set<String> = []) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("nps-checkpoint-env-\(UUID().uuidString)", isDirectory: true)
        file = directory.appendingPathComponent(".env")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let text = try String(contentsOf: layout.environmentExample, encoding: .utf8)
        let dropped = Set(EnvFile(text: text).variables.filter { names.contains($0.name) }.map(\.line))
        let kept = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .filter { !dropped.contains($0.offset + 1) }
            .map(\.element)
        try kept.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
    }

    /// The NPS compose project reading this `.env`.
    func project(layout: RepositoryLayout, docker: DockerCLI) -> ComposeProject {
        .nps(layout: layout, environmentFile: file, docker: docker)
    }

    /// Deletes the temporary folder.
    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}
