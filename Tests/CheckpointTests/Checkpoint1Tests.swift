import CheckpointRules
import Foundation
import ProcessRunning
import StackHarness
import Testing

extension Checkpoints {
    /// Checkpoint 1: the Oracle image, built as `nps-oracle:checkpoint` from the repository root with BuildKit.
    @Suite("Checkpoint 1: the Oracle image")
    struct Checkpoint1 {
        @Test(
            "CP1.build: docker build -f infrastructure/Dockerfiles/oracle.Dockerfile succeeds from the repository root",
            arguments: [Requirements.cp1Build]
        )
        func cp1Build(_ requirement: Requirement) async throws {
            let result = try await OracleImage.shared.build()
            let outcome = ImageChecks.build(result, log: OracleImage.shared.log)
            try await prove(
                Measurement(
                    outcome,
                    subject: "BuildKit build of \(OracleImage.tag)",
                    limit: requirement.limit,
                    measuredBy: result
                )
            )
        }

        @Test("CP1.size: the image is smaller than the spec's limit", arguments: [Requirements.cp1Size])
        func cp1Size(_ requirement: Requirement) async throws {
            let image = try await OracleImage.shared.inspect()
            let outcome = ImageChecks.size(image.value)
            try await prove(
                Measurement(
                    id: outcome.id,
                    subject: "\(OracleImage.tag) size (docker image inspect)",
                    number: Double(image.size) / 1e6,
                    unit: "MB",
                    limit: requirement.limit,
                    passed: outcome.passed,
                    measuredBy: image.result
                )
            )
        }

        @Test(
            "CP1.multistage: a builder stage and a runtime stage; the runtime image is much smaller than the builder",
            arguments: [Requirements.cp1Multistage]
        )
        func cp1Multistage(_ requirement: Requirement) async throws {
            let stack = Stack.shared
            let runtime = try await OracleImage.shared.inspect()
            let stages = DockerfileStage.parse(try String(contentsOf: stack.layout.oracleDockerfile, encoding: .utf8))
            let builderTag = "nps-checkpoint-builder"
            let builder = try await withScratchResources(images: [builderTag]) {
                try await stack.docker.build(OracleImage.definition(tag: builderTag, target: "builder"), timeout: .seconds(3600))
                return try await stack.docker.inspectImage(builderTag)
            }
            let outcome = ImageChecks.multistage(stages: stages, runtimeBytes: runtime.size, builderBytes: builder.size)
            try await prove(
                Measurement(
                    outcome,
                    subject: "runtime vs builder stage (\(stages.compactMap(\.name).joined(separator: ", ")))",
                    limit: requirement.limit,
                    measuredBy: builder.result
                )
            )
        }

        @Test("CP1.cache: a rebuild with no source change is fast and every step is a cache hit", arguments: [Requirements.cp1Cache])
        func cp1Cache(_ requirement: Requirement) async throws {
            guard try await OracleImage.shared.build().succeeded else { throw OracleImage.Unavailable(log: OracleImage.shared.log) }
            let rebuild = try await Stack.shared.docker.build(OracleImage.definition(), timeout: .seconds(600))
            // BuildKit's plain progress goes to standard error.
            let progress = BuildProgress(output: rebuild.standardError + rebuild.standardOutput)
            let outcome = ImageChecks.cachedRebuild(progress, duration: rebuild.duration)
            try await prove(
                Measurement(
                    outcome,
                    subject: "rebuild of \(OracleImage.tag) with no change",
                    limit: requirement.limit,
                    measuredBy: rebuild
                )
            )
        }

        @Test(
            "CP1.lint: hadolint finds nothing in either Dockerfile, and the image's history, ENV and labels hold no secret",
            arguments: [Requirements.cp1Lint]
        )
        func cp1Lint(_ requirement: Requirement) async throws {
            let stack = Stack.shared
            let lint = try await Hadolint.lint([stack.layout.oracleDockerfile, stack.layout.webUIDockerfile])
            let linted = ImageChecks.lint(lint)
            try await prove(
                Measurement(
                    linted,
                    subject: "hadolint oracle.Dockerfile web-ui.Dockerfile",
                    limit: requirement.limit,
                    measuredBy: lint
                )
            )

            let image = try await OracleImage.shared.inspect()
            let history = try await stack.docker.imageHistory(OracleImage.tag)
            let findings = try SecretScanner.forStack().findings(in: image.value, history: history.value, name: OracleImage.tag)
            let scanned = history.value.count + image.config.env.count + image.config.labels.count
            let secrets = ImageChecks.noSecrets(findings, image: OracleImage.tag, scanned: scanned)
            try await prove(
                Measurement(
                    secrets,
                    subject: "secrets in \(OracleImage.tag) history, ENV and labels",
                    limit: Requirements.cp1LintSecrets.limit,
                    measuredBy: history.result
                )
            )
        }

        @Test(
            "CP1.base: the service is a Swift binary on a slim Debian bookworm base with nothing the service does not use",
            arguments: [Requirements.cp1Base]
        )
        func cp1Base(_ requirement: Requirement) async throws {
            let stack = Stack.shared
            let image = try await OracleImage.shared.inspect()
            let stages = DockerfileStage.parse(try String(contentsOf: stack.layout.oracleDockerfile, encoding: .utf8))

            // No shell or cat in the image: the files are copied out of a created container.
            let osRelease = String(decoding: try await ImageFiles.contents(of: ["/usr/lib/os-release"], in: OracleImage.tag)[0], as: UTF8.self)
            try await prove(
                Measurement(
                    ImageChecks.runtimeBase(osRelease: osRelease, stages: stages),
                    subject: "runtime base (/usr/lib/os-release, the Dockerfile's stages)",
                    limit: requirement.limit
                )
            )

            let status = String(decoding: try await ImageFiles.contents(of: ["/var/lib/dpkg/status"], in: OracleImage.tag)[0], as: UTF8.self)
            try await prove(
                Measurement(
                    ImageChecks.packages(installed: RuntimeImageContents.packages(inStatus: status).sorted()),
                    subject: "package list (/var/lib/dpkg/status)",
                    limit: Requirements.cp1BasePackages.limit
                )
            )

            let entrypoint = try #require(image.config.entrypoint.first, "\(OracleImage.tag) has no ENTRYPOINT")
            let binary = try await ImageFiles.contents(of: [entrypoint], in: OracleImage.tag)[0]
            let swift = ImageChecks.swiftBinary(path: entrypoint, contents: binary)
            try await prove(
                Measurement(
                    swift,
                    subject: "entrypoint binary \(entrypoint)",
                    limit: Requirements.cp1BaseBinary.limit
                )
            )
        }
    }
}
