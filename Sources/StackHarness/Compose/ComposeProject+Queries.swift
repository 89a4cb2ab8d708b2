import Foundation
import ProcessRunning

/// Reading the project: its resolved configuration, its containers and their logs.
extension ComposeProject {
    /// `docker compose config --format json`, decoded, with `environment` for the file's variables; throws
    /// `CommandFailure` when the file does not validate.
    package func config(environment: [String: String] = [:]) async throws -> CommandOutput<ComposeConfig> {
        try await decoded(["config", "--format", "json"], environment: environment, decode: ComposeConfig.init(data:))
    }

    /// `docker compose ps [--all] --format json`: the project's containers (running only, unless `all`).
    package func ps(all: Bool = false) async throws -> CommandOutput<[ComposeContainer]> {
        try await decoded(["ps"] + (all ? ["--all"] : []) + ["--format", "json"], decode: ComposeContainer.decodeList)
    }

    /// `docker compose logs --no-color [--timestamps] <service>`; lines are prefixed with the container name.
    package func logs(service: String, timestamps: Bool = false) async throws -> CommandResult {
        try await run(["logs", "--no-color"] + (timestamps ? ["--timestamps"] : []) + [service], timeout: .seconds(60))
    }

    // Compose queries answer in seconds; a minute means something is stuck.
    private func decoded<Value: Sendable>(
        _ arguments: [String],
        environment: [String: String] = [:],
        decode: (Data) throws -> Value
    ) async throws -> CommandOutput<Value> {
        try await docker.runner.runDecoding(command(arguments, environment: environment), timeout: .seconds(60), decode: decode)
    }
}
