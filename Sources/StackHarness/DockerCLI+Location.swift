import Foundation

/// Which docker CLI to drive: `$DOCKER`, else Debian's /usr/bin/docker (20.10, BuildKit built in), else `docker` on PATH.
extension DockerCLI {
    /// Debian's docker.io CLI, preferred because it builds with BuildKit without the buildx plugin.
    public static let debianExecutable = URL(fileURLWithPath: "/usr/bin/docker")

    /// Picks the CLI the way the stack scripts do, preferring Debian's; never fails (a missing CLI shows up as `noEngine`).
    public static func detect(environment: [String: String] = ProcessInfo.processInfo.environment) -> DockerCLI {
        let fileManager = FileManager.default
        if let chosen = environment["DOCKER"], !chosen.isEmpty {
            return DockerCLI(
                executable: chosen.contains("/")
                    ? URL(fileURLWithPath: chosen)
                    : searchPath(for: chosen, in: environment) ?? URL(fileURLWithPath: chosen)
            )
        }
        if fileManager.isExecutableFile(atPath: debianExecutable.path) {
            return DockerCLI(executable: debianExecutable)
        }
        return DockerCLI(executable: searchPath(for: "docker", in: environment) ?? debianExecutable)
    }

    // Resolves a program name against PATH, as a shell would, since Process needs a full path.
    private static func searchPath(for name: String, in environment: [String: String]) -> URL? {
        let directories = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        return
            directories
            .map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}
