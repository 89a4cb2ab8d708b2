/// Beyond one machine (SWARM.*): the same stack on Docker Swarm, deployed, scaled, updated and rolled back.
extension Requirements {
    /// How long the Swarm stack may take to converge, and deploy.sh waits at most.
    package static let swarmConvergeLimit = Duration.seconds(120)
    /// The Oracle's replicas on Swarm.
    package static let swarmOracleReplicas = 2
    /// The rate of calls through the api during a rolling update or a rollback.
    package static let swarmCallRate = 50
    /// The shortest database outage that proves no Oracle task is replaced: longer than the Oracle's probe interval
    /// times its retries, so a readiness probe would have failed it.
    package static let swarmOutage = Duration.seconds(45)
    /// How long a frozen Oracle task may live on before Swarm replaces it.
    package static let swarmFrozenLimit = Duration.seconds(90)

    /// SWARM.deploy.
    package static let swarmDeploy = Requirement(
        "SWARM.deploy",
        asks: "deploy.sh puts the stack on Swarm (a single-node swarm when there is none, local images) and waits until every service runs healthy",
        limit: "deploy.sh exits 0; all five services at their replicas, none updating, within \(swarmConvergeLimit.limitText)"
    )
    /// SWARM.scale.
    package static let swarmScale = Requirement(
        "SWARM.scale",
        asks:
            "the Oracle runs \(swarmOracleReplicas) replicas behind its service's name (DNS round robin: the engine here has no IPVS for a virtual IP); calls through the api reach both",
        limit: "\(swarmOracleReplicas) running tasks; every call answered 200, each replica answering some"
    )
    /// SWARM.rolling.
    package static let swarmRolling = Requirement(
        "SWARM.rolling",
        asks: "a new Oracle rolled out under \(swarmCallRate) calls/s through the api loses no call (start-first)",
        limit: "update completed, every task replaced, 0 failed calls at ≥ \(swarmCallRate * 9 / 10) calls/s"
    )
    /// SWARM.rollback.
    package static let swarmRollback = Requirement(
        "SWARM.rollback",
        asks:
            "a rollout of an Oracle image that never becomes healthy is rolled back automatically and loses no call; rollback.sh rolls back by hand",
        limit: "rollback_completed on the previous image, 0 failed calls; rollback.sh exits 0 with the previous image back"
    )
    /// SWARM.probes.
    package static let swarmProbes = Requirement(
        "SWARM.probes",
        asks: "liveness and readiness are separate: a database outage does not make Swarm replace Oracle tasks; a hung Oracle is replaced",
        limit: "the same Oracle tasks across a \(swarmOutage.limitText) database outage; a frozen task replaced within \(swarmFrozenLimit.limitText)"
    )
    /// SWARM.secrets.
    package static let swarmSecrets = Requirement(
        "SWARM.secrets",
        asks: "on Swarm, secrets are Docker secrets read through *_FILE variables; no secret value is in docker service inspect",
        limit: "no .env secret in any service's inspect; every secret variable is a *_FILE under /run/secrets"
    )
    /// SWARM.parity.
    package static let swarmParity = Requirement(
        "SWARM.parity",
        asks: "the swarm stack file and the compose file agree on images, environment names, ports, limits, probes and hardening",
        limit: "no difference but the named, documented exceptions"
    )
    /// SWARM.persistence.
    package static let swarmPersistence = Requirement(
        "SWARM.persistence",
        asks:
            "rows survive deploy.sh --remove and a new deploy; afterwards the compose stack comes up healthy and its services find each other by name",
        limit: "rows after the redeploy ≥ rows before, > 0; five compose services healthy; the web-ui reaches the api by name"
    )
}
