import CheckpointRules
import Foundation
import ProcessRunning
import StackHarness

/// The Oracle image Checkpoint 1 measures, `nps-oracle:checkpoint`: built once per run with BuildKit from
/// the repository root, so every CP1 test reads the same build whatever order they run in.
actor OracleImage {
    /// The one build of this test process.
    static let shared = OracleImage()
    /// The tag the build gives the image.
    static let tag = "nps-oracle:checkpoint"

    /// A build that did not succeed, so the image the other CP1 tests need is missing.
    struct Unavailable: Error, CustomStringConvertible {
        /// The kept build log.
        let log: URL
        var description: String { "\(OracleImage.tag) did not build (see CP1.build); build log: \(log.path)" }
    }

    private var result: CommandResult?

    /// Where a failed build's log is kept: reports/checkpoints/build-oracle.log.
    nonisolated var log: URL { Stack.shared.report.directory.appendingPathComponent("build-oracle.log") }

    /// `docker build -f infrastructure/Dockerfiles/oracle.Dockerfile [-t tag] [--target stage] <repo root>`.
    static func definition(tag: String = tag, target: String? = nil) -> ImageBuild {
        let layout = Stack.shared.layout
        return ImageBuild(dockerfile: layout.oracleDockerfile, context: layout.root, tags: [tag], target: target)
    }

    /// The build's run, building now if this run has not yet; a failed build's output is written to `log`.
    func build() async throws -> CommandResult {
        if let result { return result }
        let finished = try await Self.build(Self.definition(), keepingFailureLogAt: log)
        result = finished
        return finished
    }

    /// Builds `definition` with BuildKit once the base images are there (from the offline stand-ins when no registry
    /// answers); a failed build's redacted output is written to `log`, a stale one removed when the build succeeds.
    static func build(_ definition: ImageBuild, keepingFailureLogAt log: URL) async throws -> CommandResult {
        let stack = Stack.shared
        try await stack.checkEngine()
        try await CommandRunner().run(Command(executable: stack.layout.offlineImagesScript), timeout: .seconds(1800))
        do {
            let result = try await stack.docker.build(definition, timeout: .seconds(3600))
            try? FileManager.default.removeItem(at: log)
            return result
        } catch let failure as CommandFailure {
            try FileManager.default.createDirectory(at: log.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(stack.report.redaction.redact(failure.result.transcript).utf8).write(to: log, options: .atomic)
            return failure.result
        }
    }

    /// `docker image inspect nps-oracle:checkpoint` after a successful build; throws `Unavailable` when the build failed.
    func inspect() async throws -> CommandOutput<ImageInspection> {
        guard try await build().succeeded else { throw Unavailable(log: log) }
        return try await Stack.shared.docker.inspectImage(Self.tag)
    }
}
