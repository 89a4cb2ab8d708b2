/// How an image runs by default (`Config` in `docker image inspect`).
public struct ImageConfig: Sendable, Hashable, Decodable {
    /// The default user ("" means root).
    public let user: String
    /// Environment entries as "NAME=value".
    public let env: [String]
    /// Labels.
    public let labels: [String: String]
    /// Exposed ports, e.g. ["50052/tcp", "8052/tcp"], sorted.
    public let exposedPorts: [String]
    /// The entrypoint.
    public let entrypoint: [String]
    /// The default command.
    public let cmd: [String]
    /// The HEALTHCHECK, if the image has one.
    public let healthcheck: HealthcheckSettings?
    /// The working directory.
    public let workingDir: String

    private enum CodingKeys: String, CodingKey {
        case user = "User"
        case env = "Env"
        case labels = "Labels"
        case exposedPorts = "ExposedPorts"
        case entrypoint = "Entrypoint"
        case cmd = "Cmd"
        case healthcheck = "Healthcheck"
        case workingDir = "WorkingDir"
    }

    /// Decodes `Config`; Docker writes null for empty lists and maps, read here as empty.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        user = try container.decodeIfPresent(String.self, forKey: .user) ?? ""
        env = try container.decodeIfPresent([String].self, forKey: .env) ?? []
        labels = try container.decodeIfPresent([String: String].self, forKey: .labels) ?? [:]
        exposedPorts = try (container.decodeIfPresent([String: JSONValue].self, forKey: .exposedPorts) ?? [:]).keys.sorted()
        entrypoint = try container.decodeIfPresent([String].self, forKey: .entrypoint) ?? []
        cmd = try container.decodeIfPresent([String].self, forKey: .cmd) ?? []
        healthcheck = try container.decodeIfPresent(HealthcheckSettings.self, forKey: .healthcheck)
        workingDir = try container.decodeIfPresent(String.self, forKey: .workingDir) ?? ""
    }

    /// The environment as a dictionary (the last entry wins if a name repeats).
    public var environment: [String: String] { EnvironmentEntries.dictionary(from: env) }
}
