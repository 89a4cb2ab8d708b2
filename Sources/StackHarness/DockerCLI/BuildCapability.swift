/// Whether a docker CLI can run a BuildKit `docker build`, and how.
package enum BuildCapability: Sendable, Hashable {
    /// A CLI older than 23 (Debian's 20.10): BuildKit is built in and turned on with DOCKER_BUILDKIT=1.
    case builtInBuildKit
    /// A CLI 23 or later with the buildx plugin, which `docker build` hands over to.
    case buildxPlugin
    /// A CLI 23 or later without buildx: `docker build` fails; build with Compose or an older CLI instead.
    case none

    /// Whether `docker build` with DOCKER_BUILDKIT=1 works on this CLI.
    package var canBuild: Bool { self != .none }
}
