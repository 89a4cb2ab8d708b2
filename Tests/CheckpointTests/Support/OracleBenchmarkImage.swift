import CheckpointRules
import Foundation
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
        let definition = OracleImage.definition(tag: Self.tag, target: "oracle-benchmark")
        guard try await OracleImage.build(definition, keepingFailureLogAt: log).succeeded else { throw Unavailable(log: log) }
    }
}
