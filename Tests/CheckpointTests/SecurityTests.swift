import CheckpointRules
import Foundation
import ProcessRunning
import StackHarness
import Testing

extension Checkpoints {
    /// Security: who the Oracle runs as, where secrets may live, which network and ports, which limits.
    @Suite("Security")
    struct Security {
        @Test(
            "SEC.nonroot: Oracle runs as a non-root user (every process uid 1000 in docker top: the image has no shell for docker exec whoami)",
            arguments: [Requirements.secNonroot]
        )
        func secNonroot(_ requirement: Requirement) async throws {
            let stack = Stack.shared
            try await stack.ensureRunning(["oracle"])
            let container = StackServices.container("oracle")
            let uids = try await stack.docker.processUIDs(container)
            let running = try await stack.docker.inspectContainer(container)
            let image = try await stack.docker.inspectImage(running.imageID)
            try await prove(
                Measurement(
                    SecurityChecks.nonRoot(processUIDs: uids, imageUser: image.config.user),
                    subject: "processes of nps-oracle (docker top) and the image's Config.User",
                    limit: requirement.limit
                )
            )
        }

        @Test(
            "SEC.secrets: no API key or password in any Dockerfile, compose file or stack image; secrets come only from .env",
            arguments: [Requirements.secSecrets]
        )
        func secSecrets(_ requirement: Requirement) async throws {
            let stack = Stack.shared
            let scanner = try SecretScanner.forStack()
            var findings: [SecretScanner.Finding] = []
            var scanned: [String] = []

            let files =
                try FileManager.default.contentsOfDirectory(at: stack.layout.dockerfiles, includingPropertiesForKeys: nil)
                .sorted { $0.path < $1.path } + [stack.layout.composeFile]
            for file in files {
                let name = file.path.replacingOccurrences(of: stack.layout.root.path + "/", with: "")
                findings += scanner.findings(in: try String(contentsOf: file, encoding: .utf8), source: name)
                scanned.append(name)
            }

            // The images the stack builds itself (postgres is used as published).
            try await stack.ensureImages()
            let config = try await stack.compose.config()
            let images = config.serviceNames.compactMap { name in
                config.services[name].flatMap { $0.build == nil ? nil : $0.image }
            }
            #expect(images.count == 4, "expected the four built images (oracle, scanner, api, web-ui), found \(images)")
            for image in images {
                let inspection = try await stack.docker.inspectImage(image)
                let history = try await stack.docker.imageHistory(image)
                findings += scanner.findings(in: inspection.value, history: history.value, name: image)
                scanned.append(image)
            }

            let outcome = SecurityChecks.noSecrets(findings, scanned: scanned)
            try await prove(
                Measurement(
                    outcome,
                    subject: "secrets in \(scanned.joined(separator: ", "))",
                    limit: requirement.limit
                )
            )
        }

        @Test(
            "SEC.network: services talk over the nps-network bridge; only web-ui, api and oracle publish ports, on 127.0.0.1",
            arguments: [Requirements.secNetwork]
        )
        func secNetwork(_ requirement: Requirement) async throws {
            let stack = Stack.shared
            let config = try await stack.compose.config()
            let declared = SecurityChecks.declaredNetwork(config.value)
            try await prove(
                Measurement(
                    declared,
                    subject: "networks and ports in docker compose config --format json",
                    limit: requirement.limit,
                    measuredBy: config.result
                )
            )

            try await stack.ensureRunning()
            let containers = try await Self.inspectAll(config.value)
            let applied = SecurityChecks.appliedNetwork(config.value, containers: containers)
            try await prove(
                Measurement(
                    applied,
                    subject: "networks and port bindings of the running containers (docker inspect)",
                    limit: Requirements.secNetworkApplied.limit
                )
            )
        }

        @Test("SEC.limits: every service has CPU and memory limits, and the engine applies them", arguments: [Requirements.secLimits])
        func secLimits(_ requirement: Requirement) async throws {
            let stack = Stack.shared
            let config = try await stack.compose.config()
            let declared = ComposeChecks.everyServiceLimited(config.value)
            try await prove(
                Measurement(
                    declared,
                    subject: "deploy.resources.limits in docker compose config --format json",
                    limit: requirement.limit,
                    measuredBy: config.result
                )
            )

            try await stack.ensureRunning()
            let containers = try await Self.inspectAll(config.value)
            let applied = SecurityChecks.appliedLimits(config.value, containers: containers)
            try await prove(
                Measurement(
                    applied,
                    subject: "HostConfig NanoCpus and Memory of the running containers",
                    limit: Requirements.secLimitsApplied.limit
                )
            )
        }

        /// `docker inspect` of every service's container, by service name.
        static func inspectAll(_ config: ComposeConfig) async throws -> [String: ContainerInspection] {
            var containers: [String: ContainerInspection] = [:]
            for name in config.serviceNames {
                let container = config.services[name]?.containerName ?? StackServices.container(name)
                containers[name] = try await Stack.shared.docker.inspectContainer(container).value
            }
            return containers
        }
    }
}
