import Foundation

/// One phase of the stack drawn on report.html's timeline, from engine timestamps: the start (each container's
/// `start` to its first `healthy`) or the stop (each container's first signal to its exit).
package struct StackTimeline: Sendable, Hashable, Codable {
    /// Which phase a timeline shows.
    package enum Phase: String, Sendable, Hashable, Codable, CaseIterable {
        /// `docker compose up -d` from a stopped stack.
        case start
        /// `docker compose down`.
        case stop
    }

    /// One service's bar: from `begin` to `end`, either of which the engine may not have reported.
    package struct Lane: Sendable, Hashable, Codable {
        /// The compose service.
        package let service: String
        /// The container's `start` (start phase) or first `kill` signal (stop phase).
        package let begin: Date?
        /// Its first `healthy` (start phase) or its `die` (stop phase).
        package let end: Date?

        /// A lane from its parts.
        package init(service: String, begin: Date?, end: Date?) {
            self.service = service
            self.begin = begin
            self.end = end
        }
    }

    /// Which phase this is.
    package let phase: Phase
    /// When the command that began the phase was launched; the timeline's zero.
    package let origin: Date
    /// One lane per service, in the stack's start order.
    package let lanes: [Lane]

    /// A timeline from its parts.
    package init(phase: Phase, origin: Date, lanes: [Lane]) {
        self.phase = phase
        self.origin = origin
        self.lanes = lanes
    }
}

extension StackTimeline.Phase {
    /// The heading of the phase's timeline.
    var title: String {
        switch self {
        case .start: "Stack start: docker compose up -d, container start → first healthy probe"
        case .stop: "Stack stop: docker compose down, first signal → exit"
        }
    }

    /// What a lane's two ends are, in words.
    var endNames: (begin: String, end: String) {
        switch self {
        case .start: ("start", "healthy")
        case .stop: ("signal", "exit")
        }
    }
}
