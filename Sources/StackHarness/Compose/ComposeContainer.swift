import Foundation

/// One container of the project as `docker compose ps --format json` lists it.
public struct ComposeContainer: Sendable, Hashable, Decodable {
    /// The short container ID.
    public let id: String
    /// The container name.
    public let name: String
    /// The compose service it belongs to.
    public let service: String
    /// The compose project.
    public let project: String
    /// The image.
    public let image: String
    /// "running", "exited", "created"…
    public let state: String
    /// "healthy", "unhealthy", "starting" or "" without a health check.
    public let health: String
    /// The exit code (meaningful once exited).
    public let exitCode: Int
    /// Docker's human status, e.g. "Up 2 minutes (healthy)".
    public let status: String
    /// Published ports.
    public let publishers: [ComposePublishedPort]

    private enum CodingKeys: String, CodingKey {
        case id = "ID"
        case name = "Name"
        case service = "Service"
        case project = "Project"
        case image = "Image"
        case state = "State"
        case health = "Health"
        case exitCode = "ExitCode"
        case status = "Status"
        case publishers = "Publishers"
    }

    /// Decodes one entry.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        name = try container.decode(String.self, forKey: .name)
        service = try container.decode(String.self, forKey: .service)
        project = try container.decodeIfPresent(String.self, forKey: .project) ?? ""
        image = try container.decodeIfPresent(String.self, forKey: .image) ?? ""
        state = try container.decode(String.self, forKey: .state)
        health = try container.decodeIfPresent(String.self, forKey: .health) ?? ""
        exitCode = try container.decodeIfPresent(Int.self, forKey: .exitCode) ?? 0
        status = try container.decodeIfPresent(String.self, forKey: .status) ?? ""
        publishers = try container.decodeIfPresent([ComposePublishedPort].self, forKey: .publishers) ?? []
    }

    /// Decodes `docker compose ps --format json`: one JSON array (Compose before 2.21) or one object per line (since).
    public static func decodeList(_ data: Data) throws -> [ComposeContainer] {
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasPrefix("[") {
            return try JSONDecoder().decode([ComposeContainer].self, from: Data(text.utf8))
        }
        return try JSONLines.decode(ComposeContainer.self, from: text)
    }
}
