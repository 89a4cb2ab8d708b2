/// A volume or bind mount of a container (`Mounts`).
public struct ContainerMount: Sendable, Hashable, Decodable {
    /// "bind", "volume" or "tmpfs".
    public let type: String
    /// The host path (bind) or the volume's data path.
    public let source: String
    /// The path inside the container.
    public let destination: String
    /// The volume name, for volumes.
    public let name: String?
    /// Whether the mount is writable.
    public let readWrite: Bool

    private enum CodingKeys: String, CodingKey {
        case type = "Type"
        case source = "Source"
        case destination = "Destination"
        case name = "Name"
        case readWrite = "RW"
    }

    /// Decodes one `Mounts` entry.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        type = try container.decode(String.self, forKey: .type)
        source = try container.decodeIfPresent(String.self, forKey: .source) ?? ""
        destination = try container.decode(String.self, forKey: .destination)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        readWrite = try container.decodeIfPresent(Bool.self, forKey: .readWrite) ?? true
    }
}
