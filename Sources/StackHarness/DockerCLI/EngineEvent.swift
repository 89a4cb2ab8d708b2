import Foundation

/// One engine event from `docker events --format '{{json .}}'`: a container starting, dying, turning healthy… (keys as
/// ``DockerJSON`` maps them).
package struct EngineEvent: Sendable, Hashable, Decodable {
    /// When it happened, in nanoseconds since 1970 (exact; `date` rounds to what a Date holds).
    package let timeNano: Int64
    /// The object kind: "container", "network", "image", "volume"…
    package let type: String
    /// What happened: "create", "start", "die", "health_status: healthy", "exec_start: …"…
    package let action: String
    /// The object the event is about.
    private let actor: Actor

    /// The object's ID.
    package var actorID: String { actor.id }

    /// The object's attributes (for containers: name, image, exitCode, labels…).
    package var attributes: [String: String] { actor.attributes }

    /// When it happened.
    package var date: Date {
        let (seconds, nanoseconds) = timeNano.quotientAndRemainder(dividingBy: 1_000_000_000)
        return Date(timeIntervalSince1970: TimeInterval(seconds) + TimeInterval(nanoseconds) / 1e9)
    }

    /// The object's name (the container name for container events), if the engine gave one.
    package var actorName: String? { attributes["name"] }

    /// Decodes `docker events` JSON lines, oldest first as Docker prints them.
    package static func decodeLines(_ text: String) throws -> [EngineEvent] {
        try JSONLines.decode(EngineEvent.self, from: text)
    }

    /// The object an event is about (`Actor`).
    private struct Actor: Sendable, Hashable, Decodable {
        /// Its ID.
        let id: String
        /// Its attributes.
        @DockerDefault var attributes: [String: String]
    }
}
