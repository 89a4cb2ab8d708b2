import Foundation
import ProcessRunning
import StackHarness

extension Stack {
    /// Runs infrastructure/scripts/`script` with `arguments`, with the run's docker CLI and env file and without colour;
    /// returns its result whatever its exit status.
    nonisolated func script(_ script: String, _ arguments: String..., timeout: Duration = .seconds(180)) async throws -> CommandResult {
        var environment = ["DOCKER": docker.executable.path, "NO_COLOR": "1"]
        if let file = compose.environmentFile { environment["NPS_ENV_FILE"] = file.path }
        let command = Command(executable: layout.scripts.appendingPathComponent(script), arguments: arguments, environment: environment)
        return try await CommandRunner().capture(command, timeout: timeout)
    }
}
