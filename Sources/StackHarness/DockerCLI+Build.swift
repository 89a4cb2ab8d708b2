import Foundation

/// BuildKit builds, routed to a CLI that can run them.
extension DockerCLI {
    /// This CLI if it can BuildKit-build, else Debian's /usr/bin/docker if that one can; throws `noBuildKit` otherwise.
    public func imageBuilder() async throws -> DockerCLI {
        if try await buildCapability().canBuild { return self }
        let debian = DockerCLI(executable: Self.debianExecutable, runner: runner)
        if executable != Self.debianExecutable,
            FileManager.default.isExecutableFile(atPath: Self.debianExecutable.path),
            try await debian.buildCapability().canBuild
        {
            return debian
        }
        throw HarnessError.noBuildKit(cli: executable.path)
    }

    /// Runs the build with DOCKER_BUILDKIT=1 on a CLI that can do it; throws `CommandFailure` if the build fails.
    @discardableResult
    public func build(_ image: ImageBuild, timeout: Duration? = nil) async throws -> CommandResult {
        try await imageBuilder().run(image.arguments, environment: ["DOCKER_BUILDKIT": "1"], timeout: timeout)
    }
}
