import Foundation
import StackHarness

/// How one container stopped, from the engine's `kill` and `die` events.
package struct ContainerStop: Sendable, Hashable {
    /// The container name.
    package let container: String
    /// The signals the engine sent, in order ("15", then "9" when the grace period ran out).
    package let signals: [String]
    /// When the first signal was sent.
    package let firstSignalAt: Date?
    /// When the main process exited.
    package let diedAt: Date?
    /// The exit code the `die` event carried.
    package let exitCode: Int?

    /// Makes a stop from its parts.
    package init(container: String, signals: [String], firstSignalAt: Date?, diedAt: Date?, exitCode: Int?) {
        self.container = container
        self.signals = signals
        self.firstSignalAt = firstSignalAt
        self.diedAt = diedAt
        self.exitCode = exitCode
    }

    /// From the first signal to the exit; `nil` without both events.
    package var stopDuration: Duration? {
        guard let firstSignalAt, let diedAt else { return nil }
        return .nanoseconds(Int64((diedAt.timeIntervalSince(firstSignalAt) * 1e9).rounded()))
    }

    /// One stop per container that has a `kill` or `die` event in `events` (oldest first), by name.
    package static func fromEvents(_ events: [EngineEvent]) -> [ContainerStop] {
        var order: [String] = []
        var signals: [String: [String]] = [:]
        var firstSignal: [String: Date] = [:]
        var died: [String: (at: Date, exitCode: Int?)] = [:]
        for event in events where event.type == "container" {
            guard let name = event.actorName, event.action == "kill" || event.action == "die" else { continue }
            if !order.contains(name) { order.append(name) }
            if event.action == "kill" {
                signals[name, default: []].append(event.attributes["signal"] ?? "?")
                firstSignal[name] = firstSignal[name] ?? event.date
            } else if died[name] == nil {
                died[name] = (event.date, event.attributes["exitCode"].flatMap { Int($0) })
            }
        }
        return order.map {
            ContainerStop(
                container: $0,
                signals: signals[$0] ?? [],
                firstSignalAt: firstSignal[$0],
                diedAt: died[$0]?.at,
                exitCode: died[$0]?.exitCode
            )
        }
    }
}
