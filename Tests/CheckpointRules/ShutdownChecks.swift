import Foundation

/// The rule of CP5.down on how containers stopped: each within the spec's limit of its stop signal, with a
/// clean exit and no SIGKILL.
package enum ShutdownChecks {

    /// Whether a stop was clean, and if not, why. Clean means exit code 0 and no SIGKILL: 137 (128 + 9)
    /// or a `kill` event with signal 9 is the engine killing it; 143 (128 + 15) is a process that died of
    /// SIGTERM's default action instead of shutting down, which is not a clean status either.
    package static func uncleanReason(_ stop: ContainerStop) -> String? {
        if stop.signals.contains(where: { $0 == "9" || $0 == "SIGKILL" || $0 == "KILL" }) {
            return "SIGKILL sent (signals \(stop.signals.joined(separator: ", "))), exit \(stop.exitCode.map(String.init) ?? "?")"
        }
        switch stop.exitCode {
        case nil: return "no die event"
        case 0?: return nil
        case 137?: return "exit 137 (killed by SIGKILL)"
        case 143?: return "exit 143 (died of SIGTERM without shutting down)"
        case let code?: return "exit \(code)"
        }
    }

    /// CP5.down: every container in `expected` stopped cleanly within `Requirements.stopLimit`.
    package static func gracefulStops(_ stops: [ContainerStop], expected: [String]) -> CheckOutcome {
        var points = RequirementPoints("CP5.down")
        for container in expected where !stops.contains(where: { $0.container == container }) {
            points.expect(false, "no kill or die event for \(container)")
        }
        var found: [String] = []
        for stop in stops {
            if let reason = uncleanReason(stop) {
                points.expect(false, "\(stop.container) not clean: \(reason)")
            }
            if let duration = stop.stopDuration {
                points.expect(
                    duration < Requirements.stopLimit,
                    "\(stop.container) took \(duration.secondsText) to exit, not < \(Requirements.stopLimit.limitText)"
                )
            } else {
                points.expect(false, "\(stop.container) has no signal-to-exit time")
            }
            let time = stop.stopDuration.map { String(format: "%.3f s", $0.inSeconds) } ?? "?"
            found.append("\(stop.container) \(time) exit \(stop.exitCode.map(String.init) ?? "?") (signal \(stop.signals.joined(separator: ",")))")
        }
        return points.outcome(summary: found.joined(separator: "; "))
    }
}
