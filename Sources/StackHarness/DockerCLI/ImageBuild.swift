import Foundation

/// One `docker build`: which Dockerfile, which context, which stage, what to tag the image.
package struct ImageBuild: Sendable, Hashable {
    /// The Dockerfile (`-f`).
    package var dockerfile: URL
    /// The build context folder.
    package var context: URL
    /// The tags to give the image (`-t`, repeated).
    package var tags: [String]
    /// The stage to stop at (`--target`), `nil` for the last one.
    package var target: String?
    /// Build arguments (`--build-arg NAME=value`).
    package var buildArguments: [String: String]
    /// Whether to ignore the layer cache (`--no-cache`).
    package var noCache: Bool

    /// Describes a build; only the Dockerfile and context are required.
    package init(
        dockerfile: URL,
        context: URL,
        tags: [String] = [],
        target: String? = nil,
        buildArguments: [String: String] = [:],
        noCache: Bool = false
    ) {
        self.dockerfile = dockerfile
        self.context = context
        self.tags = tags
        self.target = target
        self.buildArguments = buildArguments
        self.noCache = noCache
    }

    /// The `docker` arguments for this build, with plain progress so every step (and every CACHED hit) is in the output.
    package var arguments: [String] {
        var arguments = ["build", "--progress=plain", "-f", dockerfile.path]
        for tag in tags { arguments += ["-t", tag] }
        if let target { arguments += ["--target", target] }
        for name in buildArguments.keys.sorted() { arguments += ["--build-arg", "\(name)=\(buildArguments[name] ?? "")"] }
        if noCache { arguments.append("--no-cache") }
        return arguments + [context.path]
    }
}
