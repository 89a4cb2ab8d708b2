import Foundation
import ProcessRunning

/// `--wait-ready`: an attempt every 50 ms until one succeeds or the budget has passed.
struct ReadinessWait: Sendable {
    /// The pause after a failed attempt.
    static let pause: Duration = .milliseconds(50)

    /// How long to keep trying; the last attempt may start just before it ends.
    let budget: Duration

    /// Runs `attempt` until it succeeds or `budget` has passed since the first one; bounded in count as well, since
    /// every failed attempt is followed by a pause.
    func run(_ attempt: @Sendable () async throws -> Void) async -> ReadinessReport {
        let clock = ContinuousClock()
        let start = clock.now
        let maxAttempts = Int(min((budget / Self.pause).rounded(.up), 1e7)) + 1
        var attempts = 0
        var lastError: String?
        while attempts < maxAttempts {
            attempts += 1
            do {
                try await attempt()
                return ReadinessReport(
                    ready: true,
                    attempts: attempts,
                    seconds: (clock.now - start).inSeconds,
                    readyAtUnix: Date().timeIntervalSince1970,
                    lastError: nil
                )
            } catch {
                lastError = CallFailure(error).text
            }
            if clock.now - start >= budget { break }
            try? await Task.sleep(for: Self.pause)
        }
        return ReadinessReport(ready: false, attempts: attempts, seconds: (clock.now - start).inSeconds, readyAtUnix: nil, lastError: lastError)
    }
}
