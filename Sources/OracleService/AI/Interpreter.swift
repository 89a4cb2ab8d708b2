import Logging
import Synchronization

/// Writes interpretations: by the Messages API when a key is configured, by the engines' rules otherwise.
///
/// It never fails a request: a missing key, a failure, a timeout or the rate limit all yield the
/// rule-based text. Answers are cached for an hour and at most one call is made per second.
final class Interpreter: Sendable {
    /// Who wrote an interpretation; stored with insights.
    enum Source: String, Sendable {
        case ai, rules
    }

    private struct State {
        var cache: [String: (text: String, expires: ContinuousClock.Instant)] = [:]
        var lastCall: ContinuousClock.Instant?
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
    private let state = Mutex(State())

    /// Creates an interpreter; `client` nil means rules only.
    init(client: MessagesAPIClient?, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// Returns the AI's rewrite of `ruleText` for `topic`, or `ruleText` itself when the AI cannot answer.
    func interpret(topic: String, ruleText: String) async -> (text: String, source: Source) {
        guard let client else { return (ruleText, .rules) }
        let prompt = "\(topic)\n\n\(ruleText)"
        let now = ContinuousClock.now
        let decision = state.withLock { state -> (cached: String?, mayCall: Bool) in
            if let hit = state.cache[prompt], hit.expires > now { return (hit.text, false) }
            if let last = state.lastCall, now - last < Self.minimumInterval { return (nil, false) }
            state.lastCall = now
            return (nil, true)
        }
        if let cached = decision.cached { return (cached, .ai) }
        guard decision.mayCall else {
            logger.debug("AI call skipped by the rate limit; answering from rules", metadata: ["topic": "\(topic)"])
            return (ruleText, .rules)
        }
        do {
            let text = try await client.complete(system: Self.system, prompt: prompt)
            state.withLock { state in
                if state.cache.count >= Self.cacheCapacity {
                    state.cache = state.cache.filter { $0.value.expires > now }
                    if state.cache.count >= Self.cacheCapacity { state.cache.removeAll() }
                }
                state.cache[prompt] = (text, now + Self.cacheLifetime)
            }
            return (text, .ai)
        } catch {
            logger.warning("AI call failed; answering from rules", metadata: ["topic": "\(topic)", "error": "\(error)"])
            return (ruleText, .rules)
        }
    }
}
