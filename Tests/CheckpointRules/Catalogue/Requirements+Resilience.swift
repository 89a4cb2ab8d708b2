/// Resilience (REL.*): faults heal by themselves.
extension Requirements {
    /// REL.kill: from the SIGKILL to the restarted Oracle's first /health 200.
    package static let killHealthLimit: Duration = .seconds(5)
    /// REL.kill: from the SIGKILL to the engine calling it healthy: one health interval (10 s) and 5 s.
    package static let killEngineHealthyLimit: Duration = .seconds(15)
    /// REL.kill: from the SIGKILL to a call through the api succeeding again.
    package static let killAPILimit: Duration = .seconds(15)

    /// REL.kill, the api's half (the scanner stand-in calls the Oracle only at its own start).
    package static let relKill = Requirement(
        "REL.kill",
        asks: "the Oracle killed with SIGKILL is restarted by the engine and the api reaches it again at whatever address it now has",
        limit: "restarted; /health 200 ≤ \(killHealthLimit.limitText), engine-healthy ≤ \(killEngineHealthyLimit.limitText), "
            + "a reading through the api ≤ \(killAPILimit.limitText) after the kill"
    )
}
