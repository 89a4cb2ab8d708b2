import Foundation

/// What `docker inspect <container>` says about one container.
public struct ContainerInspection: Sendable, Decodable {
    /// The full container ID.
    public let id: String
    /// The container name without Docker's leading "/".
    public let name: String
    /// The image ID the container runs.
    public let imageID: String
    /// How many times the engine restarted it.
    public let restartCount: Int
    /// Run state and health.
    public let state: ContainerState
    /// Limits and restart policy.
    public let hostConfig: ContainerHostConfig
    /// User, image, environment and health check.
    public let config: ContainerConfig
    /// Mounts.
    public let mounts: [ContainerMount]
    /// Names of the networks it is attached to, sorted.
    public let networks: [String]
    /// Published ports by container port ("8052/tcp"); an exposed but unpublished port maps to [].
    public let ports: [String: [PortBinding]]

    private enum CodingKeys: String, CodingKey {
        case id = "Id"
        case name = "Name"
        case imageID = "Image"
        case restartCount = "RestartCount"
        case state = "State"
        case hostConfig = "HostConfig"
        case config = "Config"
        case mounts = "Mounts"
        case networkSettings = "NetworkSettings"
    }

    private enum NetworkKeys: String, CodingKey {
        case networks = "Networks"
        case ports = "Ports"
    }

    /// Decodes one element of `docker inspect`'s array.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        let rawName = try container.decode(String.self, forKey: .name)
        name = rawName.hasPrefix("/") ? String(rawName.dropFirst()) : rawName
        imageID = try container.decodeIfPresent(String.self, forKey: .imageID) ?? ""
        restartCount = try container.decodeIfPresent(Int.self, forKey: .restartCount) ?? 0
        state = try container.decode(ContainerState.self, forKey: .state)
        hostConfig = try container.decode(ContainerHostConfig.self, forKey: .hostConfig)
        config = try container.decode(ContainerConfig.self, forKey: .config)
        mounts = try container.decodeIfPresent([ContainerMount].self, forKey: .mounts) ?? []
        let network = try container.nestedContainer(keyedBy: NetworkKeys.self, forKey: .networkSettings)
        networks = try (network.decodeIfPresent([String: JSONValue].self, forKey: .networks) ?? [:]).keys.sorted()
        ports = try (network.decodeIfPresent([String: [PortBinding]?].self, forKey: .ports) ?? [:]).mapValues { $0 ?? [] }
    }

    /// Decodes the output of `docker inspect` (a JSON array) for exactly one container.
    public static func decode(_ data: Data) throws -> ContainerInspection {
        let all = try JSONDecoder().decode([ContainerInspection].self, from: data)
        guard all.count == 1, let only = all.first else {
            throw HarnessError.undecodable(what: "docker inspect output", reason: "expected one container, found \(all.count)")
        }
        return only
    }
}
