import CheckpointRules
import Foundation
import ProcessRunning
import StackHarness

/// `nps-oracle-benchmark:latest`, the release `oracle-benchmark` that `OracleLoad` runs (the Oracle Dockerfile's
/// `oracle-benchmark` stage): built once per test process, on the builder's cache, so only its own module compiles.
actor OracleBenchmarkImage {
    /// The one build of this test process.
    static let shared = OracleBenchmarkImage()
    /// The tag the build gives the image.
    static let tag = "nps-oracle-benchmark:latest"

    /// A build that did not succeed: no test can drive the Oracle without it.
    struct Unavailable: Error, CustomStringConvertible {
        /// The kept build log.
        let log: URL
        var description: String { "\(OracleBenchmarkImage.tag) did not build; build log: \(log.path)" }
    }

    private var built: Task<Void, any Error>?

    /// Where a failed build's output is kept: reports/checkpoints/build-oracle-benchmark.log.
    nonisolated var log: URL { Stack.shared.report.directory.appendingPathComponent("build-oracle-benchmark.log") }

    /// Returns once the image is built, building it on the first call (later callers wait for that build).
    func ensureBuilt() async throws -> String {
        let build = built ?? Task { try await self.build() }
        built = build
        try await build.value
        return Self.tag
    }

    private func build() async throws {
        let stack = Stack.shared
        try await stack.checkEngine()
        // The base images may have to come from the offline stand-ins when no registry answers.
        try await CommandRunner().run(Command(executable: stack.layout.offlineImagesScript), timeout: .seconds(1800))
        let definition = OracleImage.definition(tag: Self.tag, target: "oracle-benchmark")
        do {
            try await stack.docker.build(definition, timeout: .seconds(3600))
            try? FileManager.default.removeItem(at: log)
        } catch let failure as CommandFailure {
            try FileManager.default.createDirectory(at: log.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(stack.report.redaction.redact(failure.result.transcript).utf8).write(to: log, options: .atomic)
            throw Unavailable(log: log)
        }
    }
}
