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

    /// The build's run, building now if this run has not yet; a failed build's output is written to `log`
    /// (and a stale log from an earlier failure removed when the build succeeds).
    func build() async throws -> CommandResult {
        if let result { return result }
        let stack = Stack.shared
        try await stack.checkEngine()
        // The base images may have to come from the offline stand-ins when no registry answers.
        try await CommandRunner().run(Command(executable: stack.layout.offlineImagesScript), timeout: .seconds(1800))
        let finished: CommandResult
        do {
            finished = try await stack.docker.build(Self.definition(), timeout: .seconds(3600))
            try? FileManager.default.removeItem(at: log)
        } catch let failure as CommandFailure {
            finished = failure.result
            try FileManager.default.createDirectory(at: log.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(stack.report.redaction.redact(finished.transcript).utf8).write(to: log, options: .atomic)
        }
        result = finished
        return finished
    }

    /// `docker image inspect nps-oracle:checkpoint` after a successful build; throws `Unavailable` when the build failed.
    func inspect() async throws -> CommandOutput<ImageInspection> {
        guard try await build().succeeded else { throw Unavailable(log: log) }
        return try await Stack.shared.docker.inspectImage(Self.tag)
    }
}
