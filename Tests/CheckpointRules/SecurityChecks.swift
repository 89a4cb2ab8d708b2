import Foundation
import StackHarness

/// The Security rules (SEC.*) on what the running containers, the images, the files and the resolved
/// compose file show. The declared half of SEC.limits is `ComposeChecks.everyServiceLimited`.
package enum SecurityChecks {
    /// The services whose ports are meant for the host; every other service publishes nothing.
    package static let publishingServices: Set<String> = ["api", "oracle", "web-ui"]

    /// SEC.nonroot: every process of the container (`docker top`) runs as uid 1000, and the image's USER is set and not root.
    package static func nonRoot(processUIDs: [String], imageUser: String) -> CheckOutcome {
        var points = RequirementPoints("SEC.nonroot")
        points.expect(!processUIDs.isEmpty, "docker top listed no process")
        let others = processUIDs.filter { $0 != Requirements.oracleUID }
        points.expect(others.isEmpty, "processes run as uid \(Set(others).sorted().joined(separator: ", ")), not \(Requirements.oracleUID)")
        // "USER 1000:1000" or "USER oracle": the part before ":" is the user; "" means the default, root.
        let user = imageUser.split(separator: ":").first.map(String.init) ?? ""
        points.expect(!user.isEmpty && user != "root" && user != "0", "the image's Config.User is \(imageUser.isEmpty ? "unset (root)" : imageUser)")
        return points.outcome(
            summary: "\(processUIDs.count) process(es) as uid \(Set(processUIDs).sorted().joined(separator: ", ")), image USER \(imageUser)"
        )
    }

    /// SEC.secrets: no secret in the scanned files and images; secrets only as `${VAR}` references.
    package static func noSecrets(_ findings: [SecretScanner.Finding], scanned: [String]) -> CheckOutcome {
        CheckOutcome(
            id: "SEC.secrets",
            passed: findings.isEmpty,
            measured: "\(findings.count) secret(s) in \(scanned.count) sources"
                + (findings.isEmpty ? "" : ": " + findings.map(\.description).joined(separator: "; ")),
            reason: findings.isEmpty
                ? "no secret in \(scanned.joined(separator: ", "))"
                : findings.map(\.description).joined(separator: "; ")
        )
    }

    /// SEC.network (declared): every service joins only nps-network, a bridge; only api, oracle and web-ui publish, each on 127.0.0.1.
    package static func declaredNetwork(_ config: ComposeConfig) -> CheckOutcome {
        var points = RequirementPoints("SEC.network")
        let declaration = config.networks[Requirements.stackNetwork]
        points.expect(declaration != nil, "no network \(Requirements.stackNetwork) among \(config.networks.keys.sorted())")
        points.expect(
            declaration?["name"]?.string == Requirements.stackNetwork,
            "network \(Requirements.stackNetwork) is named \(declaration?["name"]?.string ?? "nothing")"
        )
        points.expect(
            declaration?["driver"]?.string == "bridge",
            "network \(Requirements.stackNetwork) has driver \(declaration?["driver"]?.string ?? "the default"), not bridge"
        )
        for name in config.serviceNames {
            guard let service = config.services[name] else { continue }
            points.expect(
                service.networks == [Requirements.stackNetwork],
                "\(name) joins \(service.networks.isEmpty ? "the default network" : service.networks.joined(separator: ", ")), not only \(Requirements.stackNetwork)"
            )
            if publishingServices.contains(name) {
                points.expect(!service.ports.isEmpty, "\(name) publishes no port")
            } else {
                points.expect(service.ports.isEmpty, "\(name) publishes \(service.ports.map(describe)), but is not meant for the host")
            }
            for port in service.ports {
                points.expect(
                    port.hostIP == Requirements.publishedHostAddress,
                    "\(name) publishes \(describe(port)) on \(port.hostIP ?? "every address"), not \(Requirements.publishedHostAddress)"
                )
            }
        }
        let published = config.serviceNames.compactMap { name in
            config.services[name].flatMap { $0.ports.isEmpty ? nil : "\(name) \($0.ports.map(describe).joined(separator: ", "))" }
        }
        return points.outcome(summary: "all on \(Requirements.stackNetwork) (bridge); published: \(published.joined(separator: "; "))")
    }

    /// SEC.network (applied): each running container is attached to nps-network only and publishes exactly the
    /// declared ports, each on 127.0.0.1.
    package static func appliedNetwork(_ config: ComposeConfig, containers: [String: ContainerInspection]) -> CheckOutcome {
        var points = RequirementPoints("SEC.network")
        for name in config.serviceNames {
            guard let service = config.services[name] else { continue }
            guard let container = containers[name] else {
                points.expect(false, "no running container for \(name)")
                continue
            }
            points.expect(
                container.networks == [Requirements.stackNetwork],
                "\(container.name) is attached to \(container.networks), not only \(Requirements.stackNetwork)"
            )
            let bindings = container.ports.filter { !$0.value.isEmpty }
            let declared = Set(service.ports.map { "\($0.target)/\($0.protocol)" })
            points.expect(Set(bindings.keys) == declared, "\(container.name) publishes \(bindings.keys.sorted()), declared \(declared.sorted())")
            for (port, hosts) in bindings.sorted(by: { $0.key < $1.key }) {
                for host in hosts {
                    points.expect(
                        host.hostIP == Requirements.publishedHostAddress,
                        "\(container.name) publishes \(port) on \(host.hostIP.isEmpty ? "every address" : host.hostIP):\(host.hostPort), not \(Requirements.publishedHostAddress)"
                    )
                }
            }
        }
        let published = config.serviceNames.compactMap { name -> String? in
            guard let container = containers[name] else { return nil }
            let hosts = container.ports.keys.sorted().flatMap { port in (container.ports[port] ?? []).map { "\($0.hostIP):\($0.hostPort)→\(port)" } }
            return hosts.isEmpty ? nil : "\(container.name) \(hosts.joined(separator: ", "))"
        }
        return points.outcome(
            summary: "\(containers.count) containers on \(Requirements.stackNetwork) only; bindings: \(published.joined(separator: "; "))"
        )
    }

    /// SEC.limits (applied): each running container has non-zero NanoCpus and Memory equal to its declared limits.
    package static func appliedLimits(_ config: ComposeConfig, containers: [String: ContainerInspection]) -> CheckOutcome {
        var points = RequirementPoints("SEC.limits")
        var applied: [String] = []
        for name in config.serviceNames {
            guard let container = containers[name] else {
                points.expect(false, "no running container for \(name)")
                continue
            }
            let host = container.hostConfig
            let limits = config.services[name]?.limits
            points.expect(host.nanoCpus > 0, "\(container.name) has no CPU limit (NanoCpus 0)")
            points.expect(host.memory > 0, "\(container.name) has no memory limit (Memory 0)")
            ComposeChecks.expectApplied(host, equal: limits, in: container.name, to: &points)
            applied.append("\(container.name) \(String(format: "%g", Double(host.nanoCpus) / 1e9)) CPU/\(host.memory / 1_048_576) MiB")
        }
        return points.outcome(summary: applied.joined(separator: ", "))
    }

    private static func describe(_ port: ComposePort) -> String {
        "\(port.published ?? "?"):\(port.target)/\(port.protocol)"
    }
}
