import Foundation
import ProcessRunning
import StackHarness

/// The rules of Checkpoint 2 (and SEC.limits) on the resolved compose file (`docker compose config
/// --format json`) and on what the engine applied to the running container.
package enum ComposeChecks {
    /// The start waves the spec's chain postgres → oracle (and scanner) → api → web-ui gives, each sorted.
    package static let expectedStartWaves = [["postgres"], ["oracle", "scanner"], ["api"], ["web-ui"]]
    /// Every `depends_on` edge of that chain (service, the service it waits for); each must wait for `service_healthy`.
    package static let requiredDependencies = [
        ("oracle", "postgres"), ("scanner", "postgres"), ("api", "oracle"), ("api", "scanner"), ("web-ui", "api"),
    ]

    /// CP2.valid: `docker compose config` exited 0 and did not warn about an unset variable.
    package static func validates(_ result: CommandResult) -> CheckOutcome {
        var points = RequirementPoints("CP2.valid")
        points.expect(result.succeeded, "\(result.ending): \(result.standardError.trimmingCharacters(in: .whitespacesAndNewlines))")
        // Compose only warns about a variable it cannot find and goes on with "", which would hide a gap in .env.example.
        let unset = result.standardError.split(separator: "\n").filter { $0.contains("variable is not set") }
        points.expect(unset.isEmpty, "warnings: \(unset.joined(separator: " | "))")
        return points.outcome(summary: "\(result.ending) after \(String(format: "%.3f", result.duration.inSeconds)) s")
    }

    /// CP2.oracle: every point of the spec's oracle service line. `logLevelDefault` is LOG_LEVEL as
    /// resolved by a config run whose env file does not set it.
    package static func oracleService(_ config: ComposeConfig, logLevelDefault: String?) -> CheckOutcome {
        var points = RequirementPoints("CP2.oracle")
        guard let oracle = config.services["oracle"] else {
            points.expect(false, "no service oracle among \(config.serviceNames)")
            return points.outcome(summary: "")
        }
        points.expect(oracle.containerName == "nps-oracle", "container_name is \(oracle.containerName ?? "unset"), not nps-oracle")

        let dockerfile = oracle.build.map(resolvedDockerfile)
        points.expect(
            dockerfile?.hasSuffix("/infrastructure/Dockerfiles/oracle.Dockerfile") == true,
            "builds from \(dockerfile ?? "no build section"), not infrastructure/Dockerfiles/oracle.Dockerfile"
        )
        // The oracle stage is the Dockerfile's last, so no target builds it too.
        points.expect([nil, "oracle"].contains(oracle.build?.target), "build target is \(oracle.build?.target ?? ""), not the oracle stage")

        let environment = oracle.environment
        for name in ["DATABASE_URL", "ANTHROPIC_API_KEY", "NPS_MASTER_PASSWORD", "LOG_LEVEL"] {
            points.expect(environment.keys.contains(name), "environment lacks \(name)")
        }
        points.expect(
            (environment["DATABASE_URL"] ?? nil)?.hasPrefix("postgres://") == true,
            "DATABASE_URL is \(String(describing: environment["DATABASE_URL"] ?? nil)), not a postgres:// URL"
        )
        points.expect((environment["NPS_MASTER_PASSWORD"] ?? nil)?.isEmpty == false, "NPS_MASTER_PASSWORD is empty")
        points.expect((environment["GRPC_PORT"] ?? nil) == "50052", "GRPC_PORT is \(String(describing: environment["GRPC_PORT"] ?? nil)), not 50052")
        points.expect(logLevelDefault == "INFO", "LOG_LEVEL defaults to \(logLevelDefault ?? "nothing"), not INFO")

        points.expect(
            oracle.dependsOn["postgres"] == "service_healthy",
            "depends_on postgres is \(oracle.dependsOn["postgres"] ?? "missing"), not service_healthy"
        )
        let logs = oracle.volumes.first { $0.target == "/app/logs" }
        points.expect(
            logs?.type == "bind" && logs?.source?.hasSuffix("/infrastructure/volumes/logs") == true,
            "/app/logs is \(logs.map { "\($0.type) \($0.source ?? "anonymous")" } ?? "not mounted"), not a bind of infrastructure/volumes/logs"
        )
        let networkName = config.networks["nps-network"]?["name"]?.string
        points.expect(
            oracle.networks == ["nps-network"] && networkName == "nps-network",
            "networks \(oracle.networks) (nps-network named \(networkName ?? "nothing")), not only nps-network"
        )
        points.expect(oracle.restart == "unless-stopped", "restart is \(oracle.restart ?? "unset"), not unless-stopped")
        points.expect(
            oracle.limits?.nanoCpus == Requirements.oracleNanoCpus && oracle.limits?.memoryBytes == Requirements.oracleMemoryBytes,
            "limits are \(describe(oracle.limits)), not 1 CPU and 1073741824 bytes"
        )
        let probe = healthProbe(of: oracle)
        points.expect(probe?.port == 8052, "health check \(oracle.healthcheck?.test ?? []) does not GET /health on 8052")

        return points.outcome(
            summary: [
                "nps-oracle", "oracle.Dockerfile",
                "env DATABASE_URL GRPC_PORT=50052 ANTHROPIC_API_KEY NPS_MASTER_PASSWORD LOG_LEVEL (default \(logLevelDefault ?? ""))",
                "postgres service_healthy", "logs bind → /app/logs", "nps-network", "unless-stopped", describe(oracle.limits),
                probe?.description ?? "",
            ].joined(separator: ", ")
        )
    }

    /// CP2.oracle, live: the service's declared health check, run in the container, printed the Oracle's
    /// `/health` JSON (`"service":"oracle"`) and exited 0.
    package static func healthProbeAnswer(_ result: CommandResult) -> CheckOutcome {
        var points = RequirementPoints("CP2.oracle")
        let body = try? JSONValue(data: result.standardOutputData)
        points.expect(result.succeeded, "the probe ended with \(result.ending): \(result.standardOutput) \(result.standardError)")
        points.expect(body?["service"]?.string == "oracle", "the probe printed \(result.standardOutput.prefix(300)), not the oracle's /health JSON")
        return points.outcome(summary: "\(result.ending), service=\(body?["service"]?.string ?? "?"), status=\(body?["status"]?.string ?? "?")")
    }

    /// CP2.chain: postgres → oracle (and scanner) → api → web-ui, every edge `service_healthy`, no cycle,
    /// and the api finds the Oracle at oracle:50052.
    package static func dependencyChain(_ config: ComposeConfig) -> CheckOutcome {
        var points = RequirementPoints("CP2.chain")
        for (service, dependency) in requiredDependencies {
            let condition = config.services[service]?.dependsOn[dependency]
            points.expect(
                condition == "service_healthy",
                "\(service) depends on \(dependency) with \(condition ?? "no depends_on"), not service_healthy"
            )
        }
        let waves = startWaves(config)
        points.expect(waves.cycle.isEmpty, "dependency cycle through \(waves.cycle.joined(separator: ", "))")
        points.expect(waves.waves == expectedStartWaves, "start waves are \(describe(waves.waves)), not \(describe(expectedStartWaves))")
        let url = config.services["api"]?.environment["ORACLE_SERVICE_URL"] ?? nil
        points.expect(url == "oracle:50052", "api ORACLE_SERVICE_URL is \(url ?? "unset"), not oracle:50052")
        return points.outcome(summary: "\(describe(waves.waves)), api ORACLE_SERVICE_URL=\(url ?? "")")
    }

    /// CP2.limits, declared: the Oracle's `deploy.resources.limits` are 1 CPU and 1 GB.
    package static func declaredOracleLimits(_ config: ComposeConfig) -> CheckOutcome {
        var points = RequirementPoints("CP2.limits")
        let limits = config.services["oracle"]?.limits
        points.expect(limits?.nanoCpus == Requirements.oracleNanoCpus, "declared CPU limit is \(limits?.cpus.map { "\($0)" } ?? "unset"), not 1")
        points.expect(
            limits?.memoryBytes == Requirements.oracleMemoryBytes,
            "declared memory limit is \(limits?.memoryBytes.map { "\($0) bytes" } ?? "unset"), not 1073741824 bytes"
        )
        return points.outcome(summary: "declared \(describe(limits))")
    }

    /// CP2.limits, applied: the engine's HostConfig of the running Oracle holds exactly the declared limits,
    /// and they are 1 CPU and 1 GB.
    package static func appliedOracleLimits(declared config: ComposeConfig, applied: ContainerInspection.HostConfig) -> CheckOutcome {
        var points = RequirementPoints("CP2.limits")
        let declared = declaredOracleLimits(config)
        points.expect(declared.passed, declared.reason)
        expectApplied(applied, equal: config.services["oracle"]?.limits, in: "nps-oracle", to: &points)
        return points.outcome(summary: "NanoCpus \(applied.nanoCpus), Memory \(applied.memory) = declared")
    }

    /// The points of "the engine applied what the compose file declares": NanoCpus and Memory of `container`'s
    /// HostConfig equal the declared limits (CP2.limits for the Oracle, SEC.limits for every service).
    package static func expectApplied(
        _ applied: ContainerInspection.HostConfig,
        equal limits: ResourceLimits?,
        in container: String,
        to points: inout RequirementPoints
    ) {
        points.expect(
            applied.nanoCpus == limits?.nanoCpus,
            "\(container) NanoCpus \(applied.nanoCpus), declared \(limits?.nanoCpus.map(String.init) ?? "nothing")"
        )
        points.expect(
            applied.memory == limits?.memoryBytes,
            "\(container) Memory \(applied.memory), declared \(limits?.memoryBytes.map(String.init) ?? "nothing")"
        )
    }

    /// SEC.limits: every service declares both a CPU and a memory limit.
    package static func everyServiceLimited(_ config: ComposeConfig) -> CheckOutcome {
        var points = RequirementPoints("SEC.limits")
        for service in config.serviceNames {
            let limits = config.services[service]?.limits
            points.expect(
                (limits?.cpus ?? 0) > 0 && (limits?.memoryBytes ?? 0) > 0,
                "\(service) has \(describe(limits))"
            )
        }
        return points.outcome(summary: config.serviceNames.map { "\($0) \(describe(config.services[$0]?.limits))" }.joined(separator: ", "))
    }

    /// The Dockerfile a build section names, as an absolute path (Compose resolves the context, not the file).
    package static func resolvedDockerfile(_ build: ComposeBuild) -> String {
        let file = build.dockerfile ?? "Dockerfile"
        let context = URL(fileURLWithPath: build.context, isDirectory: true)
        return URL(fileURLWithPath: file, relativeTo: context).standardizedFileURL.path
    }

    /// What a service's health check probes: a URL written in the test, or the Oracle's own probe,
    /// which GETs http://127.0.0.1:$HEALTH_PORT/health (default 8052; Sources/OracleService/HTTP/HealthProbe.swift).
    package static func healthProbe(of service: ComposeService) -> (port: Int, description: String)? {
        guard let test = service.healthcheck?.test, !(service.healthcheck?.isDisabled ?? true) else { return nil }
        let words = test.dropFirst().flatMap { $0.split(separator: " ").map(String.init) }
        if words.first == "/app/nps-oracle", words.dropFirst().first == "healthcheck" {
            let port = (service.environment["HEALTH_PORT"] ?? nil).flatMap(Int.init) ?? 8052
            return (port, "GET http://127.0.0.1:\(port)/health by /app/nps-oracle healthcheck")
        }
        // curl/wget style: a URL with an explicit port and the /health path.
        for word in words {
            guard let url = URL(string: word.trimmingCharacters(in: CharacterSet(charactersIn: "'\""))),
                url.scheme == "http", url.path == "/health", let port = url.port
            else { continue }
            return (port, "GET \(url.absoluteString)")
        }
        return nil
    }

    /// Groups the services into start waves: a service starts in the wave after the last of its
    /// dependencies. Services on a cycle get no wave and are listed in `cycle`.
    package static func startWaves(_ config: ComposeConfig) -> (waves: [[String]], cycle: [String]) {
        var wave: [String: Int] = [:]
        var onCycle: Set<String> = []
        func depth(_ service: String, visiting: Set<String>) -> Int? {
            if let known = wave[service] { return known }
            guard !visiting.contains(service) else {
                onCycle.formUnion(visiting)
                return nil
            }
            var deepest = -1
            for dependency in (config.services[service]?.dependsOn.keys).map(Array.init) ?? [] {
                guard let level = depth(dependency, visiting: visiting.union([service])) else { return nil }
                deepest = max(deepest, level)
            }
            wave[service] = deepest + 1
            return deepest + 1
        }
        for service in config.serviceNames { _ = depth(service, visiting: []) }
        let count = (wave.values.max() ?? -1) + 1
        let waves = (0..<count).map { level in wave.filter { $0.value == level }.keys.sorted() }
        return (waves, onCycle.sorted())
    }

    /// "postgres → oracle, scanner → api → web-ui".
    private static func describe(_ waves: [[String]]) -> String {
        waves.map { $0.joined(separator: ", ") }.joined(separator: " → ")
    }

    /// "1 CPU, 1073741824 bytes", or "no limits".
    private static func describe(_ limits: ResourceLimits?) -> String {
        guard let limits, limits.cpus != nil || limits.memoryBytes != nil else { return "no limits" }
        return "\(limits.cpus.map { String(format: "%g", $0) } ?? "no") CPU, \(limits.memoryBytes.map { "\($0) bytes" } ?? "no memory limit")"
    }
}
