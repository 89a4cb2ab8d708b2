/// A container's health as the engine tracks it (`State.Health`).
public struct HealthState: Sendable, Hashable, Decodable {
    /// "starting", "healthy" or "unhealthy".
    public let status: String
    /// Consecutive failed probes.
    public let failingStreak: Int
    /// The last probes (Docker keeps five), oldest first.
    public let log: [HealthProbe]

    private enum CodingKeys: String, CodingKey {
        case status = "Status"
        case failingStreak = "FailingStreak"
        case log = "Log"
    }

    /// Decodes `State.Health`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        status = try container.decode(String.self, forKey: .status)
        failingStreak = try container.decodeIfPresent(Int.self, forKey: .failingStreak) ?? 0
        log = try container.decodeIfPresent([HealthProbe].self, forKey: .log) ?? []
    }
}
