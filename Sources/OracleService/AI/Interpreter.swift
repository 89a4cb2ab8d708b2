import Logging
import Synchronization

/// Writes interpretations: by the Messages API when a key is configured, by the engines' rules otherwise.
///
/// It never fails a request: a missing key, a failure, a timeout or the rate limit all yield the
/// rule-based text. Answers are cached for an hour and at most one call is made per second. When a call
/// cannot connect to the host at all (unresolvable, refused, unreachable, connect timed out), the host
/// counts as down: calls answer from the rules at once, and a background task probes the host every
/// `probeInterval` until it answers, so an AI outage costs one call of at most the connect timeout and
/// one warning (REL.aidown). A host that was reached but answers slowly is given the whole timeout.
final class Interpreter: Sendable {
    /// Who wrote an interpretation; stored with insights.
    enum Source: String, Sendable {
        case ai, rules
    }

    private struct State {
        var cache: [String: (text: String, expires: ContinuousClock.Instant)] = [:]
        var lastCall: ContinuousClock.Instant?
        /// The task probing the host while no connection can be made to it; nil while the host counts as up.
        var outageProbe: Task<Void, Never>?
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
    /// How often the background task asks a host that could not be reached whether it answers again.
    private let probeInterval: Duration
    private let state = Mutex(State())

    /// Creates an interpreter; `client` nil means rules only.
    init(client: MessagesAPIClient?, logger: Logger, probeInterval: Duration = .seconds(30)) {
        self.client = client
        self.logger = logger
        self.probeInterval = probeInterval
    }

    deinit {
        state.withLock { $0.outageProbe?.cancel() }
    }

    /// Returns the AI's rewrite of `ruleText` for `topic`, or `ruleText` itself when the AI cannot answer.
    ///
    /// `topic` is built only when there is an AI to ask: without a key, a call formats nothing it does not return.
    func interpret(topic makeTopic: @autoclosure () -> String, ruleText: String) async -> (text: String, source: Source) {
        guard let client else { return (ruleText, .rules) }
        let topic = makeTopic()
        let prompt = "\(topic)\n\n\(ruleText)"
        let now = ContinuousClock.now
        // Why a call is not made: the host counts as down, or a call was made less than a second ago.
        enum Decision {
            case cached(String)
            case call, hostDown, rateLimited
        }
        let decision = state.withLock { state -> Decision in
            if let hit = state.cache[prompt], hit.expires > now { return .cached(hit.text) }
            if state.outageProbe != nil { return .hostDown }
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
                if state.cache.count >= Self.cacheCapacity {
                    state.cache = state.cache.filter { $0.value.expires > now }
                    if state.cache.count >= Self.cacheCapacity { state.cache.removeAll() }
                }
                state.cache[prompt] = (text, now + Self.cacheLifetime)
            }
            hostAnswered()
            return (text, .ai)
        } catch let error as MessagesAPIClient.Failure {
            // The host answered, with an error: it is up, and the next call may fare better.
            logger.warning("AI call failed; answering from rules", metadata: ["topic": "\(topic)", "error": "\(error)"])
            hostAnswered()
            return (ruleText, .rules)
        } catch let error where MessagesAPIClient.isNoConnection(error) {
            hostUnreachable(client: client, topic: topic, error: error)
            return (ruleText, .rules)
        } catch {
            // Reached but no answer in time, or cut off: the API may be slow rather than away, so it stays up.
            logger.warning("AI call failed; answering from rules", metadata: ["topic": "\(topic)", "error": "\(error)"])
            return (ruleText, .rules)
        }
    }

    /// Counts the host as down, unless it already is, and starts the background probe that ends the outage.
    private func hostUnreachable(client: MessagesAPIClient, topic: String, error: any Error) {
        let outageBegins = state.withLock { state -> Bool in
            guard state.outageProbe == nil else { return false }
            state.outageProbe = Task { [weak self, probeInterval, logger] in
                // The loop holds no strong reference to the interpreter, so its deinit runs and cancels it.
                while (try? await Task.sleep(for: probeInterval)) != nil {
                    if await client.hostAnswers() {
                        self?.hostAnswered()
                        return
                    }
                    logger.debug("AI host probe: still no connection")
                }
            }
            return true
        }
        guard outageBegins else {
            // Calls already on their way when the outage began; the outage has its warning.
            logger.debug("AI call failed with no connection to the host, already counted as down", metadata: ["topic": "\(topic)"])
            return
        }
        logger.warning(
            "AI call failed with no connection to the host; answering from rules until a probe every \(probeInterval) reaches it",
            metadata: ["topic": "\(topic)", "error": "\(error)"]
        )
    }

    /// Ends an outage, if one is on, once the host has answered a call or a probe.
    private func hostAnswered() {
        let probe = state.withLock { state -> Task<Void, Never>? in
            defer { state.outageProbe = nil }
            return state.outageProbe
        }
        guard let probe else { return }
        probe.cancel()
        logger.info("AI host answers again; interpretations come from the AI")
    }
}
