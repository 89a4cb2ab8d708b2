import Foundation

/// Why a container did not become healthy, naming the container.
package enum HealthWaitFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// Its process exited (or the engine is restarting it after an exit).
    case exited(container: String, exitCode: Int, oomKilled: Bool)
    /// Its health check failed `retries` times in a row; carries the last probe's output.
    case unhealthy(container: String, lastOutput: String)
    /// It has no health check to wait for.
    case noHealthcheck(container: String)
    /// The budget ran out while it was still starting.
    case notHealthyInTime(container: String, budget: Duration, lastStatus: String)

    /// "nps-oracle exited with code 1", "nps-oracle unhealthy: …", "nps-oracle has no healthcheck", "nps-oracle not healthy within 63 s …".
    package var description: String {
        switch self {
        case .exited(let container, let exitCode, let oomKilled):
            "\(container) exited with code \(exitCode)" + (oomKilled ? " (killed for running out of memory)" : "")
        case .unhealthy(let container, let lastOutput):
            "\(container) unhealthy: \(lastOutput.trimmingCharacters(in: .whitespacesAndNewlines))"
        case .noHealthcheck(let container):
            "\(container) has no healthcheck"
        case .notHealthyInTime(let container, let budget, let lastStatus):
            "\(container) not healthy within \(budget.inSeconds.compactText) s (last health status: \(lastStatus))"
        }
    }
}
