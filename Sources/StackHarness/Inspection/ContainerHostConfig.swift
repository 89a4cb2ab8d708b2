/// The limits and policies the engine applies to a container (`HostConfig`).
public struct ContainerHostConfig: Sendable, Hashable, Decodable {
    /// CPU limit in billionths of a CPU (1 CPU = 1_000_000_000); 0 means none.
    public let nanoCpus: Int64
    /// Memory limit in bytes; 0 means none.
    public let memory: Int64
    /// The restart policy.
    public let restartPolicy: RestartPolicy?

    private enum CodingKeys: String, CodingKey {
        case nanoCpus = "NanoCpus"
        case memory = "Memory"
        case restartPolicy = "RestartPolicy"
    }

    /// Decodes `HostConfig`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        nanoCpus = try container.decodeIfPresent(Int64.self, forKey: .nanoCpus) ?? 0
        memory = try container.decodeIfPresent(Int64.self, forKey: .memory) ?? 0
        restartPolicy = try container.decodeIfPresent(RestartPolicy.self, forKey: .restartPolicy)
    }
}
