import Logging
import Synchronization

/// Writes interpretations: by the Messages API when a key is configured, by the engines' rules otherwise.
///
/// It never fails a request: a missing key, a failure, a timeout or the rate limit all yield the
/// rule-based text. Answers are cached for an hour and at most one call is made per second. When a call
/// gets no answer from the host at all (unresolvable, refused, timed out), the host counts as down for
/// `downtime` and calls answer from the rules at once until then, so an AI outage costs one slow call
/// per `downtime`, not one per second (REL.aidown).
final class Interpreter: Sendable {
    /// Who wrote an interpretation; stored with insights.
    enum Source: String, Sendable {
        case ai, rules
    }

    private struct State {
        var cache: [String: (text: String, expires: ContinuousClock.Instant)] = [:]
        var lastCall: ContinuousClock.Instant?
        /// Until when the host counts as down; nil while it answers.
        var downUntil: ContinuousClock.Instant?
    }

    private static let cacheLifetime: Duration = .seconds(3600)
    private static let cacheCapacity = 1024
    private static let minimumInterval: Duration = .seconds(1)
    private static let system = """
        You are the NPS Oracle, a numerology assistant. Rewrite the reading you are given as two or three \
        warm, concrete sentences. Keep every number exactly as given. Do not add disclaimers.
        """

    private let client: MessagesAPIClient?
    private let logger: Logger
    /// How long a host that gave no answer is left alone before the next call tries it again.
    private let downtime: Duration
    private let state = Mutex(State())

    /// Creates an interpreter; `client` nil means rules only.
    init(client: MessagesAPIClient?, logger: Logger, downtime: Duration = .seconds(30)) {
        self.client = client
        self.logger = logger
        self.downtime = downtime
    }

    /// Returns the AI's rewrite of `ruleText` for `topic`, or `ruleText` itself when the AI cannot answer.
    func interpret(topic: String, ruleText: String) async -> (text: String, source: Source) {
        guard let client else { return (ruleText, .rules) }
        let prompt = "\(topic)\n\n\(ruleText)"
        let now = ContinuousClock.now
        // Why a call is not made: the host counts as down, or a call was made less than a second ago.
        enum Decision {
            case cached(String)
            case call, hostDown, rateLimited
        }
        let decision = state.withLock { state -> Decision in
            if let hit = state.cache[prompt], hit.expires > now { return .cached(hit.text) }
            if let downUntil = state.downUntil, now < downUntil { return .hostDown }
            if let last = state.lastCall, now - last < Self.minimumInterval { return .rateLimited }
            state.lastCall = now
            return .call
        }
        switch decision {
        case .cached(let text):
            return (text, .ai)
        case .hostDown:
            logger.debug("AI call skipped: the host is down; answering from rules", metadata: ["topic": "\(topic)"])
            return (ruleText, .rules)
        case .rateLimited:
            logger.debug("AI call skipped by the rate limit; answering from rules", metadata: ["topic": "\(topic)"])
            return (ruleText, .rules)
        case .call:
            break
        }
        do {
            let text = try await client.complete(system: Self.system, prompt: prompt)
            state.withLock { state in
                state.downUntil = nil
                if state.cache.count >= Self.cacheCapacity {
                    state.cache = state.cache.filter { $0.value.expires > now }
                    if state.cache.count >= Self.cacheCapacity { state.cache.removeAll() }
                }
                state.cache[prompt] = (text, now + Self.cacheLifetime)
            }
            return (text, .ai)
        } catch let error as MessagesAPIClient.Failure {
            // The host answered, with an error: it is up, and the next call may fare better.
            logger.warning("AI call failed; answering from rules", metadata: ["topic": "\(topic)", "error": "\(error)"])
            return (ruleText, .rules)
        } catch {
            state.withLock { $0.downUntil = .now + downtime }
            logger.warning(
                "AI call failed with no answer from the host; answering from rules without asking it again for \(downtime)",
                metadata: ["topic": "\(topic)", "error": "\(error)"]
            )
            return (ruleText, .rules)
        }
    }
}
