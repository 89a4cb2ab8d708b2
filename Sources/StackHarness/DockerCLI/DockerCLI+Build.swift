import Foundation
import ProcessRunning

/// BuildKit builds, on this CLI only: a run drives the one CLI `detect(layout:)` chose, for builds too.
extension DockerCLI {
    /// Runs the build with DOCKER_BUILDKIT=1; throws `noBuildKit` if this CLI cannot, `CommandFailure` if the build fails.
    @discardableResult
    package func build(_ image: ImageBuild, timeout: Duration? = nil) async throws -> CommandResult {
        guard try await buildCapability().canBuild else { throw HarnessError.noBuildKit(cli: executable.path) }
        return try await run(image.arguments, environment: ["DOCKER_BUILDKIT": "1"], timeout: timeout)
    }
}
