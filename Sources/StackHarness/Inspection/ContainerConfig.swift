/// How a container was configured to run (`Config` in `docker inspect`).
public struct ContainerConfig: Sendable, Hashable, Decodable {
    /// The user the process runs as ("" means the image's default, usually root).
    public let user: String
    /// The image reference the container was created from, e.g. "nps-oracle:latest".
    public let image: String
    /// Environment entries as "NAME=value".
    public let env: [String]
    /// The health check, if the container has one of its own or from its image.
    public let healthcheck: HealthcheckSettings?
    /// Labels.
    public let labels: [String: String]

    private enum CodingKeys: String, CodingKey {
        case user = "User"
        case image = "Image"
        case env = "Env"
        case healthcheck = "Healthcheck"
        case labels = "Labels"
    }

    /// Decodes `Config`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        user = try container.decodeIfPresent(String.self, forKey: .user) ?? ""
        image = try container.decodeIfPresent(String.self, forKey: .image) ?? ""
        env = try container.decodeIfPresent([String].self, forKey: .env) ?? []
        healthcheck = try container.decodeIfPresent(HealthcheckSettings.self, forKey: .healthcheck)
        labels = try container.decodeIfPresent([String: String].self, forKey: .labels) ?? [:]
    }

    /// The environment as a dictionary (the last entry wins if a name repeats).
    public var environment: [String: String] { EnvironmentEntries.dictionary(from: env) }
}
