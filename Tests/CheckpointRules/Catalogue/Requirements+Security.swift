/// Security (SEC.*).
extension Requirements {
    /// The uid the Oracle must run as.
    package static let oracleUID = "1000"
    /// The one network every service joins.
    package static let stackNetwork = "nps-network"
    /// The only host address a published port may bind to.
    package static let publishedHostAddress = "127.0.0.1"

    /// SEC.nonroot.
    package static let secNonroot = Requirement(
        "SEC.nonroot",
        asks: "the Oracle runs as a non-root user (the spec asks docker exec whoami; the image has no shell, so docker top reads each process uid)",
        limit: "not root, uid \(oracleUID)"
    )
    /// SEC.secrets.
    package static let secSecrets = Requirement(
        "SEC.secrets",
        asks: "no API key or password in any Dockerfile, compose file or stack image; secrets come only from .env",
        limit: "none: only ${VAR} references, no value from the env file"
    )
    /// SEC.network, declared.
    package static let secNetwork = Requirement(
        "SEC.network",
        asks: "services talk over the \(stackNetwork) bridge; only web-ui, api and oracle publish ports",
        limit: "every service on \(stackNetwork) (bridge) only; web-ui, api, oracle publish on \(publishedHostAddress)"
    )
    /// SEC.network, applied.
    package static let secNetworkApplied = Requirement(
        "SEC.network",
        asks: "the running containers' networks and bindings",
        limit: "as declared: \(stackNetwork) only, bindings on \(publishedHostAddress)"
    )
    /// SEC.limits, declared.
    package static let secLimits = Requirement(
        "SEC.limits",
        asks: "every service has CPU and memory limits, and the engine applies them",
        limit: "cpus and memory for every service"
    )
    /// SEC.limits, applied.
    package static let secLimitsApplied = Requirement(
        "SEC.limits",
        asks: "the running containers' limits",
        limit: "non-zero and equal to the declared limits"
    )
}
