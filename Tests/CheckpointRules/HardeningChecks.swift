import Foundation
import StackHarness

/// The rules of least privilege (SEC.caps, SEC.nnp, SEC.readonly, SEC.pids, SEC.enginelogs) on the running containers.
package enum HardeningChecks {
    /// SEC.caps: every container drops ALL, and adds back only capabilities that the compose file lists under
    /// `cap_add` with a `# reason` on the item's line; an item without one is a problem of its own.
    package static func capabilities(_ containers: [String: ContainerInspection], composeText: String) -> CheckOutcome {
        let declared = capabilitiesAdded(in: composeText)
        var points = RequirementPoints(Requirements.secCaps.id)
        for item in declared where item.reason.isEmpty {
            points.expect(false, "cap_add \(item.name) has no # reason in the compose file")
        }
        let reasoned = Set(declared.filter { !$0.reason.isEmpty }.map(\.name))
        var added: [String] = []
        for (service, container) in containers.sorted(by: { $0.key < $1.key }) {
            let host = container.hostConfig
            points.expect(
                host.capDrop.contains { $0.uppercased() == "ALL" },
                "\(service) drops \(host.capDrop.isEmpty ? "no capability" : host.capDrop.joined(separator: ", ")), not ALL"
            )
            let unexplained = host.capAdd.map(canonical).filter { !reasoned.contains($0) }
            points.expect(unexplained.isEmpty, "\(service) adds \(unexplained.joined(separator: ", ")) with no reason in the compose file")
            if !host.capAdd.isEmpty { added.append("\(service) + \(host.capAdd.map(canonical).joined(separator: ", "))") }
        }
        return points.outcome(
            summary: "\(containers.count) containers drop ALL; added back: \(added.isEmpty ? "none" : added.joined(separator: "; "))"
        )
    }

    /// SEC.nnp: no-new-privileges on every container.
    package static func noNewPrivileges(_ containers: [String: ContainerInspection]) -> CheckOutcome {
        everyContainer(Requirements.secNoNewPrivileges, containers, holding: "no-new-privileges") { host in
            host.securityOpt.contains { $0 == "no-new-privileges" || $0 == "no-new-privileges:true" }
                ? nil : "SecurityOpt \(host.securityOpt.isEmpty ? "empty" : host.securityOpt.joined(separator: ", "))"
        }
    }

    /// SEC.readonly: a read-only root file system on every container.
    package static func readOnlyRoot(_ containers: [String: ContainerInspection]) -> CheckOutcome {
        everyContainer(Requirements.secReadOnly, containers, holding: "a read-only root") { host in
            host.readonlyRootfs ? nil : "a writable root file system"
        }
    }

    /// SEC.pids: a PIDs limit on every container.
    package static func pidsLimit(_ containers: [String: ContainerInspection]) -> CheckOutcome {
        everyContainer(Requirements.secPids, containers, holding: "a PIDs limit") { host in
            host.pidsLimit > 0 ? nil : "no PIDs limit"
        }
    }

    /// SEC.enginelogs: every engine log bounded: json-file with max-size, or the local driver (bounded by default).
    package static func boundedEngineLogs(_ containers: [String: ContainerInspection]) -> CheckOutcome {
        everyContainer(Requirements.secEngineLogs, containers, holding: "a bounded engine log") { host in
            guard let log = host.logConfig else { return "no log configuration" }
            if log.type == "local" || (log.type == "json-file" && log.config["max-size"] != nil) { return nil }
            return
                "log driver \(log.type) with \(log.config.isEmpty ? "no options" : log.config.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")): unbounded"
        }
    }

    /// One `cap_add` item of the compose file and the comment on its line.
    package struct AddedCapability: Sendable, Equatable {
        /// The capability, without CAP_.
        package let name: String
        /// The text after `#`, trimmed; empty when there is none.
        package let reason: String

        /// An item from its parts.
        package init(name: String, reason: String) {
            self.name = name
            self.reason = reason
        }
    }

    /// The block-style `cap_add` items of a compose file's text, with their comments (a flow list `[A, B]` has no
    /// room for a reason per item, so its items count as unexplained).
    package static func capabilitiesAdded(in composeText: String) -> [AddedCapability] {
        var items: [AddedCapability] = []
        var listIndent: Int?
        for line in composeText.split(separator: "\n", omittingEmptySubsequences: false) {
            let indent = line.prefix { $0 == " " }.count
            let content = line.drop { $0 == " " }
            if content.hasPrefix("cap_add:") {
                let flow = content.dropFirst("cap_add:".count).split(separator: "#", maxSplits: 1).first ?? ""
                let names = flow.trimmingCharacters(in: CharacterSet(charactersIn: " []")).split(separator: ",").map {
                    canonical($0.trimmingCharacters(in: CharacterSet(charactersIn: " \"'")))
                }
                items += names.filter { !$0.isEmpty }.map { AddedCapability(name: $0, reason: "") }
                listIndent = indent
                continue
            }
            guard let parent = listIndent else { continue }
            if content.isEmpty || content.hasPrefix("#") { continue }
            guard indent > parent || (indent == parent && content.hasPrefix("- ")), content.hasPrefix("- ") else {
                listIndent = nil
                continue
            }
            let parts = content.dropFirst(2).split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
            let name = canonical(parts[0].trimmingCharacters(in: CharacterSet(charactersIn: " \"'")))
            let reason = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
            items.append(AddedCapability(name: name, reason: reason))
        }
        return items
    }

    // "cap_chown" and "CHOWN" name the same capability; the engine reports either form.
    private static func canonical(_ name: String) -> String {
        let upper = name.uppercased()
        return upper.hasPrefix("CAP_") ? String(upper.dropFirst(4)) : upper
    }

    // One point per container: `problem` says what is wrong with its HostConfig, nil when it holds.
    private static func everyContainer(
        _ requirement: Requirement,
        _ containers: [String: ContainerInspection],
        holding what: String,
        problem: (ContainerInspection.HostConfig) -> String?
    ) -> CheckOutcome {
        var points = RequirementPoints(requirement.id)
        points.expect(!containers.isEmpty, "no container was inspected")
        for (service, container) in containers.sorted(by: { $0.key < $1.key }) {
            let found = problem(container.hostConfig)
            points.expect(found == nil, "\(service) has \(found ?? "")")
        }
        return points.outcome(summary: "all \(containers.count) containers have \(what)")
    }
}
