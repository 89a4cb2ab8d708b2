import Foundation

/// What `docker inspect <container>` says about one container, with the parts of it the harness reads as nested
/// types; decoded through ``DockerJSON``, which maps Docker's keys to these property names.
package struct ContainerInspection: Sendable, Decodable {
    /// The full container ID.
    package let id: String
    /// The image ID the container runs.
    @DockerDefault package private(set) var imageID: String
    /// How many times the engine restarted it.
    @DockerDefault package private(set) var restartCount: Int
    /// Run state and health.
    package let state: State
    /// Limits and restart policy.
    package let hostConfig: HostConfig
    /// User, image, environment and health check.
    package let config: Config
    /// Mounts.
    @DockerDefault package private(set) var mounts: [Mount]
    /// The name as Docker writes it, with a leading "/".
    private let slashedName: String
    /// Where the networks and published ports are.
    private let networkSettings: NetworkSettings

    /// Docker's "Image" here is the image's ID, and its "Name" is read whole for `name` to trim.
    private enum CodingKeys: String, CodingKey {
        case id, restartCount, state, hostConfig, config, mounts, networkSettings
        case imageID = "image"
        case slashedName = "name"
    }

    /// The container name without Docker's leading "/".
    package var name: String { slashedName.hasPrefix("/") ? String(slashedName.dropFirst()) : slashedName }

    /// Names of the networks it is attached to, sorted.
    package var networks: [String] { networkSettings.networks.keys.sorted() }

    /// Its IP address on each attached network, by network name ("" while it is not running).
    package var addresses: [String: String] { networkSettings.networks.mapValues(\.ipAddress) }

    /// Published ports by container port ("8052/tcp"); an exposed but unpublished port maps to [].
    package var ports: [String: [PortBinding]] { networkSettings.ports.mapValues { $0 ?? [] } }

    /// Decodes the output of `docker inspect` (a JSON array) for exactly one container.
    package static func decode(_ data: Data) throws -> ContainerInspection {
        try DockerJSON.decodeOnly(ContainerInspection.self, from: data, command: "docker inspect", object: "container")
    }

    /// A container's run state (`State`).
    package struct State: Sendable, Hashable, Decodable {
        /// "created", "running", "paused", "restarting", "removing", "exited" or "dead".
        package let status: String
        /// Whether the main process is running.
        @DockerDefault package private(set) var running: Bool
        /// The main process's PID on the host, 0 when it is not running (signals sent to it bypass the engine).
        @DockerDefault package private(set) var pid: Int
        /// The main process's exit code (meaningful once it has exited).
        @DockerDefault package private(set) var exitCode: Int
        /// Whether the kernel's OOM killer ended the main process.
        @DockerDefault package private(set) var oomKilled: Bool
        /// When the main process last started; `nil` if it never did.
        @DockerDefault package private(set) var startedAt: Date?
        /// When it last finished; `nil` if it has not.
        @DockerDefault package private(set) var finishedAt: Date?
        /// The engine's error message, empty when there is none.
        @DockerDefault package private(set) var error: String
        /// Health tracking, present only when the container has a health check.
        package let health: Health?
    }

    /// A container's health as the engine tracks it (`State.Health`).
    package struct Health: Sendable, Hashable, Decodable {
        /// "starting", "healthy" or "unhealthy".
        package let status: String
        /// Consecutive failed probes.
        @DockerDefault package private(set) var failingStreak: Int
        /// The last probes (Docker keeps five), oldest first.
        @DockerDefault package private(set) var log: [HealthProbe]
    }

    /// One run of the health probe (`State.Health.Log`).
    package struct HealthProbe: Sendable, Hashable, Decodable {
        /// When the probe started.
        @DockerDefault package private(set) var start: Date?
        /// When it finished.
        @DockerDefault package private(set) var end: Date?
        /// Its exit code: 0 healthy, anything else a failure.
        @DockerDefault package private(set) var exitCode: Int
        /// What it printed (Docker keeps the first 4 KiB).
        @DockerDefault package private(set) var output: String
    }

    /// The limits and policies the engine applies to the container (`HostConfig`).
    package struct HostConfig: Sendable, Hashable, Decodable {
        /// CPU limit in billionths of a CPU (1 CPU = 1_000_000_000); 0 means none.
        @DockerDefault package private(set) var nanoCpus: Int64
        /// Memory limit in bytes; 0 means none.
        @DockerDefault package private(set) var memory: Int64
        /// The restart policy.
        package let restartPolicy: RestartPolicy?
        /// Linux capabilities added back after the drop.
        @DockerDefault package private(set) var capAdd: [String]
        /// Linux capabilities dropped ("ALL" for all).
        @DockerDefault package private(set) var capDrop: [String]
        /// Security options, e.g. "no-new-privileges:true".
        @DockerDefault package private(set) var securityOpt: [String]
        /// Whether the root file system is mounted read-only.
        @DockerDefault package private(set) var readonlyRootfs: Bool
        /// The most processes and threads the container may have; 0 (or -1) means none.
        @DockerDefault package private(set) var pidsLimit: Int64
        /// Where the engine keeps the container's output.
        package let logConfig: LogConfig?
    }

    /// The engine's log driver for the container and its options (`HostConfig.LogConfig`).
    package struct LogConfig: Sendable, Hashable, Decodable {
        /// "json-file", "local", …
        package let type: String
        /// The driver's options, e.g. max-size and max-file.
        @DockerDefault package private(set) var config: [String: String]
    }

    /// What the engine does when the container's process exits (`HostConfig.RestartPolicy`).
    package struct RestartPolicy: Sendable, Hashable, Decodable {
        /// "no", "always", "unless-stopped" or "on-failure".
        package let name: String
        /// The retry limit for "on-failure" (0 otherwise).
        package let maximumRetryCount: Int
    }

    /// How the container was configured to run (`Config`).
    package struct Config: Sendable, Hashable, Decodable {
        /// The user the process runs as ("" means the image's default, usually root).
        @DockerDefault package private(set) var user: String
        /// The image reference the container was created from, e.g. "nps-oracle:latest".
        @DockerDefault package private(set) var image: String
        /// Environment entries as "NAME=value".
        @DockerDefault package private(set) var env: [String]
        /// The health check, if the container has one of its own or from its image.
        package let healthcheck: HealthcheckSettings?
        /// Labels.
        @DockerDefault package private(set) var labels: [String: String]

        /// The environment as a dictionary (the last entry wins if a name repeats).
        package var environment: [String: String] { EnvironmentEntries.dictionary(from: env) }
    }

    /// A volume or bind mount of the container (`Mounts`).
    package struct Mount: Sendable, Hashable, Decodable {
        /// "bind", "volume" or "tmpfs".
        package let type: String
        /// The host path (bind) or the volume's data path.
        @DockerDefault package private(set) var source: String
        /// The path inside the container.
        package let destination: String
        /// The volume name, for volumes.
        package let name: String?
        /// Docker's "RW"; a mount that does not say is writable.
        private let rw: Bool?

        /// Whether the mount is writable.
        package var readWrite: Bool { rw ?? true }
    }

    /// Where a container port is published on the host (`NetworkSettings.Ports`).
    package struct PortBinding: Sendable, Hashable, Decodable {
        /// The host address, e.g. "127.0.0.1" ("0.0.0.0" or "" for every address).
        package let hostIP: String
        /// The host port, as text (Docker writes it so).
        package let hostPort: String

        /// Docker spells it "HostIp".
        private enum CodingKeys: String, CodingKey {
            case hostIP = "hostIp"
            case hostPort
        }
    }

    /// The network part of the inspection (`NetworkSettings`).
    private struct NetworkSettings: Sendable, Decodable {
        /// The attached networks by name.
        @DockerDefault var networks: [String: NetworkEndpoint]
        /// Bindings by container port; null for a port exposed but not published.
        @DockerDefault var ports: [String: [PortBinding]?]
    }

    /// The container's end of one network (`NetworkSettings.Networks.<name>`).
    private struct NetworkEndpoint: Sendable, Decodable {
        /// Its IPv4 address on that network.
        @DockerDefault var ipAddress: String
    }
}
