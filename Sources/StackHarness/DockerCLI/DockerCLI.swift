import Foundation
import ProcessRunning

/// The docker command-line program the harness drives; every Docker operation goes through one of these.
package struct DockerCLI: Sendable {
    /// The docker executable.
    package let executable: URL
    /// Runs the executable.
    package let runner: CommandRunner

    /// Uses a given docker executable.
    package init(executable: URL, runner: CommandRunner = CommandRunner()) {
        self.executable = executable
        self.runner = runner
    }

    /// The command `docker <arguments>`, with extra environment if given.
    package func command(_ arguments: [String], environment: [String: String] = [:], workingDirectory: URL? = nil) -> Command {
        Command(executable: executable, arguments: arguments, environment: environment, workingDirectory: workingDirectory)
    }

    /// Runs `docker <arguments>` and throws `CommandFailure` unless it succeeds.
    @discardableResult
    package func run(_ arguments: [String], environment: [String: String] = [:], timeout: Duration? = nil) async throws -> CommandResult {
        try await runner.run(command(arguments, environment: environment), timeout: timeout)
    }

    /// Runs `docker <arguments>` and returns the result whatever the exit status.
    package func capture(_ arguments: [String], environment: [String: String] = [:], timeout: Duration? = nil) async throws -> CommandResult {
        try await runner.capture(command(arguments, environment: environment), timeout: timeout)
    }

    /// Runs `docker <arguments>` and decodes its standard output with `decode`.
    func runDecoding<Value: Sendable>(
        _ arguments: [String],
        timeout: Duration? = .seconds(60),
        decode: (Data) throws -> Value
    ) async throws -> CommandOutput<Value> {
        try await runner.runDecoding(command(arguments), timeout: timeout, decode: decode)
    }
}
