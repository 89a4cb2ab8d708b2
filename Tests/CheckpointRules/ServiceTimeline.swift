import Foundation
import StackHarness

/// When one container of a start started and first turned healthy, from the engine's events.
package struct ServiceTimeline: Sendable, Hashable {
    /// The compose service.
    package let service: String
    /// The `start` event, if one came in the window.
    package let startedAt: Date?
    /// The first `health_status: healthy` event after that start.
    package let healthyAt: Date?

    /// The timeline of every compose service found in `events` (oldest first, as `docker events` prints them):
    /// the last `start` of each container and its first `healthy` after it.
    package static func fromEvents(_ events: [EngineEvent]) -> [String: ServiceTimeline] {
        var started: [String: Date] = [:]
        var healthy: [String: Date] = [:]
        for event in events where event.type == "container" {
            guard let service = event.attributes["com.docker.compose.service"] else { continue }
            switch event.action {
            case "start":
                started[service] = event.date
                healthy[service] = nil
            case "health_status: healthy" where started[service] != nil && healthy[service] == nil:
                healthy[service] = event.date
            default:
                break
            }
        }
        let services = Set(started.keys).union(healthy.keys)
        return Dictionary(
            uniqueKeysWithValues: services.map {
                ($0, ServiceTimeline(service: $0, startedAt: started[$0], healthyAt: healthy[$0]))
            }
        )
    }
}
