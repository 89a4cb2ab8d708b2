import Foundation
import ProcessRunning
import StackHarness

extension Stack {
    /// Runs infrastructure/scripts/`script` with `arguments`, with the run's docker CLI and without colour; returns
    /// its result whatever its exit status.
    nonisolated func script(_ script: String, _ arguments: String...) async throws -> CommandResult {
        let command = Command(
            executable: layout.scripts.appendingPathComponent(script),
            arguments: arguments,
            environment: ["DOCKER": docker.executable.path, "NO_COLOR": "1"]
        )
        return try await CommandRunner().capture(command, timeout: .seconds(180))
    }
}
