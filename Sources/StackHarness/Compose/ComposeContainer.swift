import Foundation

/// One container of the project as `docker compose ps --format json` lists it (keys as ``DockerJSON`` maps them).
package struct ComposeContainer: Sendable, Hashable, Decodable {
    /// The short container ID.
    package let id: String
    /// The container name.
    package let name: String
    /// The compose service it belongs to.
    package let service: String
    /// The compose project.
    @DockerDefault package private(set) var project: String
    /// The image.
    @DockerDefault package private(set) var image: String
    /// "running", "exited", "created"…
    package let state: String
    /// "healthy", "unhealthy", "starting" or "" without a health check.
    @DockerDefault package private(set) var health: String
    /// The exit code (meaningful once exited).
    @DockerDefault package private(set) var exitCode: Int
    /// Docker's human status, e.g. "Up 2 minutes (healthy)".
    @DockerDefault package private(set) var status: String
    /// Published ports.
    @DockerDefault package private(set) var publishers: [ComposePublishedPort]

    /// Decodes `docker compose ps --format json`: one JSON array (Compose before 2.21) or one object per line (since).
    package static func decodeList(_ data: Data) throws -> [ComposeContainer] {
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasPrefix("[") {
            return try DockerJSON.decoder().decode([ComposeContainer].self, from: Data(text.utf8))
        }
        return try JSONLines.decode(ComposeContainer.self, from: text)
    }
}
