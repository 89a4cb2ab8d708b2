import Foundation
import StackHarness

/// SWARM.parity: what the Swarm stack file must share with the compose file, and the differences it may have, each
/// named with its reason (the stack file's header says the same to its readers).
package enum SwarmParity {
    /// Variables the compose file sets to a secret's value and the stack file to a file under /run/secrets
    /// (`NAME_FILE`): Swarm's secrets are files.
    package static let secretVariables: Set<String> = [
        "POSTGRES_PASSWORD", "ORACLE_DB_PASSWORD", "DATABASE_URL", "NPS_MASTER_PASSWORD", "ANTHROPIC_API_KEY",
    ]
    /// Variables only the stack file sets: per-task log file and spool folder (two replicas share the node's volumes).
    package static let swarmOnlyVariables: Set<String> = ["LOG_FILE", "NPS_SPOOL_INSTANCE"]
    /// Services whose Swarm probe is liveness (`healthcheck live`): Swarm replaces a task whose probe fails, so the
    /// probe must not fail while the database is away.
    package static let livenessProbed: Set<String> = ["oracle", "scanner", "api"]
    /// Services the compose file publishes on 127.0.0.1 for the harness and the stack file keeps on the overlay
    /// network only: the routing mesh cannot bind to loopback, and a cluster's clients come through the api.
    package static let composeOnlyPorts: Set<String> = ["oracle"]
    /// Keys compared as they are, per service.
    static let sameKeys = ["image", "cap_drop", "cap_add", "read_only", "user", "logging"]
    /// The differences that are allowed, for the report.
    package static let exceptions = [
        "security_opt (no-new-privileges): ignored by Docker 20.10's stack loader",
        "secrets as *_FILE under /run/secrets: \(secretVariables.sorted().joined(separator: ", "))",
        "LOG_FILE and NPS_SPOOL_INSTANCE per task on Swarm",
        "the Swarm probe of \(livenessProbed.sorted().joined(separator: ", ")) is liveness",
        "the Oracle's ports only on the overlay network; the api's and the web-ui's on every address of their node (host mode), not 127.0.0.1",
        "bind mounts as named volumes, configs and secrets",
        "build, container_name, restart and depends_on: compose only (Swarm has restart_policy and no start order)",
        "the Oracle's replicas",
    ]

    /// The differences between `compose` and `stack` that are not among the exceptions, one line each.
    package static func differences(compose: ComposeConfig, stack: ComposeConfig) -> [String] {
        var found: [String] = []
        if compose.serviceNames != stack.serviceNames {
            found.append("services: compose \(compose.serviceNames), stack \(stack.serviceNames)")
        }
        for name in compose.serviceNames {
            guard let left = compose.services[name], let right = stack.services[name] else { continue }
            for key in sameKeys where left.raw[key] != right.raw[key] {
                found.append("\(name) \(key): compose \(text(left.raw[key])), stack \(text(right.raw[key]))")
            }
            let limits = (left.raw["deploy"]?["resources"]?["limits"], right.raw["deploy"]?["resources"]?["limits"])
            if limits.0 != limits.1 { found.append("\(name) limits: compose \(text(limits.0)), stack \(text(limits.1))") }
            found += environmentDifferences(name, compose: left, stack: right)
            found += probeDifferences(name, compose: left, stack: right)
            let tmpfs = (Set(tmpfsTargets(compose: left)), Set(tmpfsTargets(compose: right)))
            if tmpfs.0 != tmpfs.1 { found.append("\(name) tmpfs: compose \(tmpfs.0.sorted()), stack \(tmpfs.1.sorted())") }
            if !composeOnlyPorts.contains(name) {
                let ports = (Set(left.ports.map(portText)), Set(right.ports.map(portText)))
                if ports.0 != ports.1 { found.append("\(name) ports: compose \(ports.0.sorted()), stack \(ports.1.sorted())") }
            }
        }
        return found
    }

    private static func environmentDifferences(_ name: String, compose: ComposeService, stack: ComposeService) -> [String] {
        let composeNames = Set(compose.environment.keys)
        var stackNames = Set(stack.environment.keys).subtracting(swarmOnlyVariables)
        var found: [String] = []
        for variable in stackNames where variable.hasSuffix("_FILE") {
            let base = String(variable.dropLast("_FILE".count))
            guard secretVariables.contains(base) else { continue }
            stackNames.remove(variable)
            stackNames.insert(base)
            if stack.environment[variable]??.hasPrefix("/run/secrets/") != true {
                found.append("\(name) \(variable) is \(stack.environment[variable]?.map { "'\($0)'" } ?? "unset"), not a file under /run/secrets")
            }
        }
        for variable in composeNames.intersection(stackNames) where secretVariables.contains(variable) && stack.environment[variable] != nil {
            found.append("\(name) \(variable): the stack file passes the secret's value, not \(variable)_FILE")
        }
        if composeNames != stackNames {
            found.append(
                "\(name) environment: only in compose \(composeNames.subtracting(stackNames).sorted()), only in stack \(stackNames.subtracting(composeNames).sorted())"
            )
        }
        return found
    }

    private static func probeDifferences(_ name: String, compose: ComposeService, stack: ComposeService) -> [String] {
        guard let left = compose.raw["healthcheck"]?.object, let right = stack.raw["healthcheck"]?.object else {
            return compose.raw["healthcheck"] == stack.raw["healthcheck"] ? [] : ["\(name) healthcheck: in one file only"]
        }
        var found: [String] = []
        for key in Set(left.keys).union(right.keys).subtracting(["test"]).sorted() where left[key] != right[key] {
            found.append("\(name) healthcheck \(key): compose \(text(left[key])), stack \(text(right[key]))")
        }
        var expected = left["test"]?.array ?? []
        if livenessProbed.contains(name) { expected.append(.string("live")) }
        if right["test"]?.array != expected {
            found.append("\(name) healthcheck test: stack \(text(right["test"])), expected \(text(.array(expected)))")
        }
        return found
    }

    // `tmpfs:` entries ("/tmp", "/run/x:uid=33,…") and tmpfs mounts, by their path in the container.
    private static func tmpfsTargets(compose service: ComposeService) -> [String] {
        let listed: [String] = (service.raw["tmpfs"]?.array ?? []).compactMap { $0.string?.split(separator: ":").first.map(String.init) }
        return listed + service.volumes.filter { $0.type == "tmpfs" }.map(\.target)
    }

    private static func portText(_ port: ComposePort) -> String { "\(port.published ?? "-")→\(port.target)" }

    private static func text(_ value: JSONValue?) -> String {
        guard let value else { return "unset" }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "\(value)"
    }
}
