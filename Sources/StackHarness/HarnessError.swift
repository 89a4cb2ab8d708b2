/// Why the harness could not do what a suite asked, each described in one line.
package enum HarnessError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No Docker engine answered `docker version`.
    case noEngine
    /// Neither the chosen docker CLI nor /usr/bin/docker can run a BuildKit `docker build`.
    case noBuildKit(cli: String)
    /// A command's output was not the JSON (or text) the harness expected.
    case undecodable(what: String, reason: String)
    /// No folder holding both Package.swift and infrastructure/ was found above the starting points.
    case repositoryRootNotFound(searchedFrom: [String])

    /// One line naming the problem and, where there is one, the fix.
    package var description: String {
        switch self {
        case .noEngine:
            "no Docker engine answers; run infrastructure/scripts/setup-engine.sh (installs Debian's docker.io and Compose v2, starts dockerd)"
        case .noBuildKit(let cli):
            "\(cli) cannot run a BuildKit docker build (CLI 23 or later without the buildx plugin); set DOCKER to a CLI that can (Debian's /usr/bin/docker 20.10, or one with buildx) or build with ComposeProject.build(services:)"
        case .undecodable(let what, let reason):
            "could not read \(what): \(reason)"
        case .repositoryRootNotFound(let searchedFrom):
            "no folder with Package.swift and infrastructure/ above \(searchedFrom.joined(separator: " or "))"
        }
    }
}
