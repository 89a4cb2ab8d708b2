/// Checkpoint 2 (the compose file) and Checkpoint 3 (environment variables).
extension Requirements {
    /// The Oracle's CPU limit: 1 CPU, in the engine's NanoCpus.
    package static let oracleNanoCpus: Int64 = 1_000_000_000
    /// The Oracle's memory limit: 1 GB, counted as the engine does (1 GiB).
    package static let oracleMemoryBytes: Int64 = 1_073_741_824

    /// CP2.valid.
    package static let cp2Valid = Requirement(
        "CP2.valid",
        asks: "docker compose config validates the file with .env from .env.example",
        limit: "exit status 0, no unset variable"
    )
    /// CP2.oracle, the service's declaration.
    package static let cp2Oracle = Requirement(
        "CP2.oracle",
        asks: "the oracle service has the spec's name, build, environment, dependency, volume, network, restart, limits and HTTP health check",
        limit: "every point of the spec line"
    )
    /// CP2.oracle, its health check run for real.
    package static let cp2OracleProbe = Requirement(
        "CP2.oracle",
        asks: "the oracle's declared health check probes its HTTP /health",
        limit: "exit 0 with the oracle's /health JSON"
    )
    /// CP2.chain.
    package static let cp2Chain = Requirement(
        "CP2.chain",
        asks: "postgres → oracle (and scanner) → api → web-ui on service_healthy, and the api reaches oracle:50052",
        limit: "postgres → oracle, scanner → api → web-ui, all service_healthy"
    )
    /// CP2.limits.
    package static let cp2Limits = Requirement(
        "CP2.limits",
        asks: "the engine applies the declared limits to nps-oracle",
        limit: "= declared = \(oracleNanoCpus) NanoCpus, \(oracleMemoryBytes) bytes"
    )
    /// CP3.documented.
    package static let cp3Documented = Requirement(
        "CP3.documented",
        asks: "every variable in .env.example has a description; the API key placeholder has a security warning; the Oracle ports are there",
        limit: "every variable described, placeholder key under a warning, ORACLE_GRPC_PORT=50052"
    )
    /// CP3.complete.
    package static let cp3Complete = Requirement(
        "CP3.complete",
        asks: "every ${VAR} of the compose file is in .env.example, and nothing in it is unused",
        limit: "the same set"
    )
    /// CP3.dotenv.
    package static let cp3Dotenv = Requirement(
        "CP3.dotenv",
        asks: "one documented command makes .env from the example, and .env is git-ignored",
        limit: "copy equals the example, check-ignore exit 0, command in README and .env.example"
    )
}
