import Foundation
import StackHarness
import Testing

extension Checkpoints {
    /// Checkpoint 1: the Oracle image, built as `nps-oracle:checkpoint` from the repository root with BuildKit.
    @Suite("Checkpoint 1: the Oracle image")
    struct Checkpoint1 {
        @Test("CP1.build: docker build -f infrastructure/Dockerfiles/oracle.Dockerfile succeeds from the repository root")
        func cp1Build() async throws {
            let result = try await OracleImage.shared.build()
            let outcome = ImageChecks.build(result, log: OracleImage.shared.log)
            try await prove(
                Measurement(
                    outcome,
                    subject: "BuildKit build of \(OracleImage.tag)",
                    limit: "exit status 0",
                    measuredBy: result
                )
            )
        }

        @Test("CP1.size: the image is smaller than 500 MB")
        func cp1Size() async throws {
            let image = try await OracleImage.shared.inspect()
            let outcome = ImageChecks.size(image.value)
            try await prove(
                Measurement(
                    id: outcome.id,
                    subject: "\(OracleImage.tag) size (docker image inspect)",
                    number: Double(image.size) / 1e6,
                    unit: "MB",
                    limit: "< 500 MB",
                    passed: outcome.passed,
                    measuredBy: image.result
                )
            )
        }

        @Test("CP1.multistage: a builder stage and a runtime stage; the runtime image is at least 30% smaller than the builder")
        func cp1Multistage() async throws {
            let stack = Stack.shared
            let runtime = try await OracleImage.shared.inspect()
            let stages = DockerfileStage.parse(try String(contentsOf: stack.layout.oracleDockerfile, encoding: .utf8))
            let builderTag = "nps-checkpoint-builder"
            let builder = try await removingAfterwards(images: [builderTag]) {
                try await stack.docker.build(OracleImage.definition(tag: builderTag, target: "builder"), timeout: .seconds(3600))
                return try await stack.docker.inspectImage(builderTag)
            }
            let outcome = ImageChecks.multistage(stages: stages, runtimeBytes: runtime.size, builderBytes: builder.size)
            try await prove(
                Measurement(
                    outcome,
                    subject: "runtime vs builder stage (\(stages.compactMap(\.name).joined(separator: ", ")))",
                    limit: "a builder and a runtime stage; runtime ≤ 70% of builder",
                    measuredBy: builder.result
                )
            )
        }

        @Test("CP1.cache: a rebuild with no source change takes less than 30 s and every step is a cache hit")
        func cp1Cache() async throws {
            guard try await OracleImage.shared.build().succeeded else { throw OracleImage.Unavailable(log: OracleImage.shared.log) }
            let rebuild = try await Stack.shared.docker.build(OracleImage.definition(), timeout: .seconds(600))
            // BuildKit's plain progress goes to standard error.
            let progress = BuildProgress(output: rebuild.standardError + rebuild.standardOutput)
            let outcome = ImageChecks.cachedRebuild(progress, duration: rebuild.duration)
            try await prove(
                Measurement(
                    outcome,
                    subject: "rebuild of \(OracleImage.tag) with no change",
                    limit: "< 30 s, every step CACHED",
                    measuredBy: rebuild
                )
            )
        }

        @Test("CP1.lint: hadolint finds nothing in either Dockerfile, and the image's history, ENV and labels hold no secret")
        func cp1Lint() async throws {
            let stack = Stack.shared
            let lint = try await Hadolint.lint([stack.layout.oracleDockerfile, stack.layout.webUIDockerfile])
            let linted = ImageChecks.lint(lint)
            try await prove(
                Measurement(
                    linted,
                    subject: "hadolint oracle.Dockerfile web-ui.Dockerfile",
                    limit: "exit status 0, no output",
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
                    limit: "no API key, no PASSWORD=/SECRET=/KEY= value, no value from the env file",
                    measuredBy: history.result
                )
            )
        }

        @Test("CP1.base: the service is a Swift binary on a slim Debian bookworm base with nothing the service does not use")
        func cp1Base() async throws {
            let stack = Stack.shared
            let image = try await OracleImage.shared.inspect()
            let stages = DockerfileStage.parse(try String(contentsOf: stack.layout.oracleDockerfile, encoding: .utf8))

            let osRelease = try await removingAfterwards(containers: ["nps-checkpoint-os-release"]) {
                try await stack.docker.run(
                    ["run", "--rm", "--name", "nps-checkpoint-os-release", "--entrypoint", "cat", OracleImage.tag, "/etc/os-release"],
                    timeout: .seconds(60)
                )
            }
            let base = ImageChecks.runtimeBase(osRelease: osRelease.standardOutput, runtimeStage: stages.last)
            try await prove(
                Measurement(
                    base,
                    subject: "runtime base (/etc/os-release, last FROM)",
                    limit: "Debian 12 bookworm, FROM debian:bookworm-slim",
                    measuredBy: osRelease
                )
            )

            let installed = try await Self.packages(in: OracleImage.tag)
            let baseline = try await Self.packages(in: ImageChecks.runtimeBase)
            let packages = ImageChecks.packages(installed: installed.names, baseline: baseline.names)
            try await prove(
                Measurement(
                    packages,
                    subject: "package list (dpkg-query -W) vs debian:bookworm-slim",
                    limit: "bookworm-slim + ca-certificates, openssl, libssl3; no compilers, curl, wget or Swift toolchain",
                    measuredBy: installed.result
                )
            )

            let entrypoint = try #require(image.config.entrypoint.first, "\(OracleImage.tag) has no ENTRYPOINT")
            let binary = try await Self.copyOut(entrypoint, from: OracleImage.tag)
            let swift = ImageChecks.swiftBinary(path: entrypoint, contents: binary)
            try await prove(
                Measurement(
                    swift,
                    subject: "entrypoint binary \(entrypoint)",
                    limit: "an ELF with the Swift runtime"
                )
            )
        }

        /// The Debian packages installed in `image` (`dpkg-query -W` in a throwaway container).
        private static func packages(in image: String) async throws -> (names: [String], result: CommandResult) {
            let name = "nps-checkpoint-packages"
            let result = try await removingAfterwards(containers: [name]) {
                try await Stack.shared.docker.run(
                    ["run", "--rm", "--name", name, "--entrypoint", "dpkg-query", image, "-W", "-f", "${Package}\n"],
                    timeout: .seconds(60)
                )
            }
            return (result.standardOutput.split(separator: "\n").map(String.init).sorted(), result)
        }

        /// The bytes of the file at `path` in `image`, copied out of a created (never started) container.
        private static func copyOut(_ path: String, from image: String) async throws -> Data {
            let docker = Stack.shared.docker
            let name = "nps-checkpoint-oracle-binary"
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)", isDirectory: true)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            return try await removingAfterwards(containers: [name]) {
                try await docker.run(["create", "--name", name, image], timeout: .seconds(60))
                let copy = folder.appendingPathComponent("entrypoint")
                try await docker.run(["cp", "\(name):\(path)", copy.path], timeout: .seconds(120))
                return try Data(contentsOf: copy)
            }
        }
    }
}
