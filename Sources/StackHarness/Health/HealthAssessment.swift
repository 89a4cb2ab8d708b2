/// What one `docker inspect` says about a container the harness is waiting on.
enum HealthAssessment: Sendable, Equatable {
    /// It is healthy and its last probe passed.
    case healthy
    /// Its checks have not decided yet; carries the health status ("starting").
    case pending(status: String)
    /// It cannot become healthy in this wait.
    case failed(HealthWaitFailure)

    /// Judges an inspection; `restarted` says the restart count grew since the wait began; `recovering` waits on an
    /// "unhealthy" status instead of failing.
    init(_ inspection: ContainerInspection, restarted: Bool, recovering: Bool = false) {
        let state = inspection.state
        // A process that exited, or that the restart policy is bringing back, will not turn healthy in this wait.
        if ["exited", "dead", "restarting"].contains(state.status) || restarted {
            self = .failed(.exited(container: inspection.name, exitCode: state.exitCode, oomKilled: state.oomKilled))
            return
        }
        guard let health = state.health, let settings = inspection.config.healthcheck, !settings.isDisabled else {
            self = .failed(.noHealthcheck(container: inspection.name))
            return
        }
        switch health.status {
        // The engine keeps "healthy" until `retries` probes in a row fail: a failing streak is not healthy yet.
        case "healthy" where health.failingStreak > 0:
            self = .pending(status: "healthy, but its last \(health.failingStreak) probe(s) failed")
        case "healthy": self = .healthy
        case "unhealthy" where recovering: self = .pending(status: "unhealthy until a probe passes")
        case "unhealthy": self = .failed(.unhealthy(container: inspection.name, lastOutput: health.log.last?.output ?? ""))
        default: self = .pending(status: health.status)
        }
    }
}
