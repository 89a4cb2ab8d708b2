import CheckpointRules
import Foundation
import StackHarness
import Testing

/// The least-privilege rules on the five containers as the engine ran them: hardened (captured with the compose
/// file's `x-hardened` settings) and as they were before (captured earlier: the broken variant of every rule).
@Suite("Hardening rules (SEC.caps, nnp, readonly, pids, enginelogs) on captured inspections")
struct HardeningRules {
    /// The five inspections of `sample`, by service ("nps-oracle" → "oracle"), after `edit` of its text.
    static func containers(_ sample: String, edit: (String) -> String = { $0 }) throws -> [String: ContainerInspection] {
        let text = edit(String(decoding: try EngineSample.data(sample), as: UTF8.self))
        let all = try DockerJSON.decoder().decode([ContainerInspection].self, from: Data(text.utf8))
        return Dictionary(uniqueKeysWithValues: all.map { (String($0.name.drop { $0 == "/" }.dropFirst("nps-".count)), $0) })
    }

    /// The compose file of the repository.
    static func composeText() throws -> String {
        try String(contentsOf: RepositoryLayout.locate().composeFile, encoding: .utf8)
    }

    @Test("The hardened stack passes all five rules, with no capability added back anywhere (the web-ui's nginx runs as www-data)")
    func hardenedHolds() throws {
        let hardened = try Self.containers("nps-inspect-hardened.json")
        #expect(hardened.count == 5)
        let caps = HardeningChecks.capabilities(hardened, composeText: try Self.composeText())
        #expect(caps.passed, "\(caps.reason)")
        #expect(caps.measured.contains("added back: none"), "\(caps.measured)")
        for outcome in [
            HardeningChecks.noNewPrivileges(hardened), HardeningChecks.readOnlyRoot(hardened), HardeningChecks.pidsLimit(hardened),
            HardeningChecks.boundedEngineLogs(hardened),
        ] {
            #expect(outcome.passed, "\(outcome.id): \(outcome.reason)")
        }
    }

    @Test("The stack as it was before (no drop, writable roots, no PIDs limit, unbounded logs) fails every rule, naming each container")
    func unhardenedFails() throws {
        let before = try Self.containers("nps-inspect-healthy.json")
        let outcomes = [
            HardeningChecks.capabilities(before, composeText: try Self.composeText()), HardeningChecks.noNewPrivileges(before),
            HardeningChecks.readOnlyRoot(before), HardeningChecks.pidsLimit(before), HardeningChecks.boundedEngineLogs(before),
        ]
        for outcome in outcomes {
            #expect(!outcome.passed, "\(outcome.id) passed on the unhardened stack")
            #expect(outcome.reason.contains("oracle") && outcome.reason.contains("postgres"), "\(outcome.id): \(outcome.reason)")
        }
        #expect(outcomes[0].reason.contains("oracle drops no capability, not ALL"), "\(outcomes[0].reason)")
        #expect(outcomes[4].reason.contains("log driver json-file with no options: unbounded"), "\(outcomes[4].reason)")
    }

    @Test("A capability the compose file does not explain fails SEC.caps, as does a cap_add item without its reason")
    func unexplainedCapabilityFails() throws {
        let escalated = try Self.containers("nps-inspect-hardened.json") { text in
            text.replacingOccurrences(of: #""CapAdd": null"#, with: #""CapAdd": ["CAP_SYS_ADMIN"]"#)
        }
        let outcome = HardeningChecks.capabilities(escalated, composeText: try Self.composeText())
        #expect(!outcome.passed && outcome.reason.contains("adds SYS_ADMIN with no reason in the compose file"), "\(outcome.reason)")

        let explained = try Self.composeText().replacingOccurrences(
            of: "    <<: *hardened\n    # nginx runs as www-data",
            with: "    <<: *hardened\n    cap_add:\n      - SYS_ADMIN # mounts\n    # nginx runs as www-data"
        )
        #expect(HardeningChecks.capabilities(escalated, composeText: explained).passed)
        let unexplained = explained.replacingOccurrences(of: "      - SYS_ADMIN # mounts", with: "      - SYS_ADMIN\n      # mounts")
        let silent = HardeningChecks.capabilities(escalated, composeText: unexplained)
        #expect(!silent.passed && silent.reason.contains("cap_add SYS_ADMIN has no # reason in the compose file"), "\(silent.reason)")
    }

    @Test("cap_add items are read with their comments, in block and flow form")
    func capAddParsing() {
        let text = """
            services:
              a:
                cap_add:
                  - NET_BIND_SERVICE # port 80
                  - cap_chown
                image: x
              b:
                cap_add: [SETUID, "SETGID"]
            """
        #expect(
            HardeningChecks.capabilitiesAdded(in: text) == [
                .init(name: "NET_BIND_SERVICE", reason: "port 80"), .init(name: "CHOWN", reason: ""),
                .init(name: "SETUID", reason: ""), .init(name: "SETGID", reason: ""),
            ]
        )
    }

    @Test("A json-file log with only max-file, or another driver, is unbounded; the local driver is bounded")
    func logDrivers() throws {
        let maxFileOnly = try Self.containers("nps-inspect-hardened.json") {
            $0.replacingOccurrences(of: #""max-size": "10m""#, with: #""compress": "false""#)
        }
        #expect(!HardeningChecks.boundedEngineLogs(maxFileOnly).passed)
        let local = try Self.containers("nps-inspect-hardened.json") {
            $0.replacingOccurrences(of: #""Type": "json-file""#, with: #""Type": "local""#)
        }
        #expect(HardeningChecks.boundedEngineLogs(local).passed)
    }
}
