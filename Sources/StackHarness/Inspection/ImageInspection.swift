import Foundation

/// What `docker image inspect <image>` says about one image; decoded through ``DockerJSON``, which maps Docker's keys
/// to these property names.
package struct ImageInspection: Sendable, Decodable {
    /// The image ID ("sha256:…").
    package let id: String
    /// Its tags.
    @DockerDefault package private(set) var repoTags: [String]
    /// Its size in bytes, all layers included.
    package let size: Int64
    /// The operating system, e.g. "linux".
    @DockerDefault package private(set) var os: String
    /// The CPU architecture, e.g. "amd64".
    @DockerDefault package private(set) var architecture: String
    /// When it was built.
    @DockerDefault package private(set) var created: Date?
    /// How it runs by default.
    package let config: Config

    /// Decodes the output of `docker image inspect` (a JSON array) for exactly one image.
    package static func decode(_ data: Data) throws -> ImageInspection {
        try DockerJSON.decodeOnly(ImageInspection.self, from: data, command: "docker image inspect", object: "image")
    }

    /// How the image runs by default (`Config`).
    package struct Config: Sendable, Hashable, Decodable {
        /// The default user ("" means root).
        @DockerDefault package private(set) var user: String
        /// Environment entries as "NAME=value".
        @DockerDefault package private(set) var env: [String]
        /// Labels.
        @DockerDefault package private(set) var labels: [String: String]
        /// The entrypoint.
        @DockerDefault package private(set) var entrypoint: [String]
        /// The default command.
        @DockerDefault package private(set) var cmd: [String]
        /// The HEALTHCHECK, if the image has one.
        package let healthcheck: HealthcheckSettings?
        /// The working directory.
        @DockerDefault package private(set) var workingDir: String
        /// Exposed ports as Docker writes them: a map from "5432/tcp" to an empty object.
        @DockerDefault private var exposedPortSet: [String: JSONValue]

        /// Docker's "ExposedPorts" is read whole for `exposedPorts` to list.
        private enum CodingKeys: String, CodingKey {
            case user, env, labels, entrypoint, cmd, healthcheck, workingDir
            case exposedPortSet = "exposedPorts"
        }

        /// Exposed ports, e.g. ["50052/tcp", "8052/tcp"], sorted.
        package var exposedPorts: [String] { exposedPortSet.keys.sorted() }

        /// The environment as a dictionary (the last entry wins if a name repeats).
        package var environment: [String: String] { EnvironmentEntries.dictionary(from: env) }
    }
}
