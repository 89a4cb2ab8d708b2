import Foundation

/// A container's run state (`State` in `docker inspect`).
public struct ContainerState: Sendable, Hashable, Decodable {
    /// "created", "running", "paused", "restarting", "removing", "exited" or "dead".
    public let status: String
    /// Whether the main process is running.
    public let running: Bool
    /// The main process's exit code (meaningful once it has exited).
    public let exitCode: Int
    /// Whether the kernel's OOM killer ended the main process.
    public let oomKilled: Bool
    /// When the main process last started; `nil` if it never did.
    public let startedAt: Date?
    /// When it last finished; `nil` if it has not.
    public let finishedAt: Date?
    /// The engine's error message, empty when there is none.
    public let error: String
    /// Health tracking, present only when the container has a health check.
    public let health: HealthState?

    private enum CodingKeys: String, CodingKey {
        case status = "Status"
        case running = "Running"
        case exitCode = "ExitCode"
        case oomKilled = "OOMKilled"
        case startedAt = "StartedAt"
        case finishedAt = "FinishedAt"
        case error = "Error"
        case health = "Health"
    }

    /// Decodes `State`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        status = try container.decode(String.self, forKey: .status)
        running = try container.decodeIfPresent(Bool.self, forKey: .running) ?? false
        exitCode = try container.decodeIfPresent(Int.self, forKey: .exitCode) ?? 0
        oomKilled = try container.decodeIfPresent(Bool.self, forKey: .oomKilled) ?? false
        startedAt = try container.decodeDockerTime(forKey: .startedAt)
        finishedAt = try container.decodeDockerTime(forKey: .finishedAt)
        error = try container.decodeIfPresent(String.self, forKey: .error) ?? ""
        health = try container.decodeIfPresent(HealthState.self, forKey: .health)
    }
}
