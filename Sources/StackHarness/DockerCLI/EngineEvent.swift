import Foundation

/// One engine event from `docker events --format '{{json .}}'`: a container starting, dying, turning healthy…
public struct EngineEvent: Sendable, Hashable, Decodable {
    /// When it happened, in nanoseconds since 1970 (exact; `date` rounds to what a Date holds).
    public let timeNano: Int64
    /// The object kind: "container", "network", "image", "volume"…
    public let type: String
    /// What happened: "create", "start", "die", "health_status: healthy", "exec_start: …"…
    public let action: String
    /// The object's ID.
    public let actorID: String
    /// The object's attributes (for containers: name, image, exitCode, labels…).
    public let attributes: [String: String]

    private enum CodingKeys: String, CodingKey {
        case timeNano
        case type = "Type"
        case action = "Action"
        case actor = "Actor"
    }

    private enum ActorKeys: String, CodingKey {
        case id = "ID"
        case attributes = "Attributes"
    }

    /// Decodes one event line.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        timeNano = try container.decode(Int64.self, forKey: .timeNano)
        type = try container.decode(String.self, forKey: .type)
        action = try container.decode(String.self, forKey: .action)
        let actor = try container.nestedContainer(keyedBy: ActorKeys.self, forKey: .actor)
        actorID = try actor.decode(String.self, forKey: .id)
        attributes = try actor.decodeIfPresent([String: String].self, forKey: .attributes) ?? [:]
    }

    /// When it happened.
    public var date: Date {
        let (seconds, nanoseconds) = timeNano.quotientAndRemainder(dividingBy: 1_000_000_000)
        return Date(timeIntervalSince1970: TimeInterval(seconds) + TimeInterval(nanoseconds) / 1e9)
    }

    /// The object's name (the container name for container events), if the engine gave one.
    public var actorName: String? { attributes["name"] }

    /// Decodes `docker events` JSON lines, oldest first as Docker prints them.
    public static func decodeLines(_ text: String) throws -> [EngineEvent] {
        try JSONLines.decode(EngineEvent.self, from: text)
    }
}
