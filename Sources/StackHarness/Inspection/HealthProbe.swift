import Foundation

/// One run of a container's health probe, from `State.Health.Log`.
public struct HealthProbe: Sendable, Hashable, Decodable {
    /// When the probe started.
    public let start: Date?
    /// When it finished.
    public let end: Date?
    /// Its exit code: 0 healthy, anything else a failure.
    public let exitCode: Int
    /// What it printed (Docker keeps the first 4 KiB).
    public let output: String

    private enum CodingKeys: String, CodingKey {
        case start = "Start"
        case end = "End"
        case exitCode = "ExitCode"
        case output = "Output"
    }

    /// Decodes one `State.Health.Log` entry.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        start = try container.decodeDockerTime(forKey: .start)
        end = try container.decodeDockerTime(forKey: .end)
        exitCode = try container.decodeIfPresent(Int.self, forKey: .exitCode) ?? 0
        output = try container.decodeIfPresent(String.self, forKey: .output) ?? ""
    }
}
