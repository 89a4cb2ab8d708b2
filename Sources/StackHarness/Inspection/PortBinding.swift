/// Where a container port is published on the host (`NetworkSettings.Ports`).
public struct PortBinding: Sendable, Hashable, Decodable {
    /// The host address, e.g. "127.0.0.1" ("0.0.0.0" or "" for every address).
    public let hostIP: String
    /// The host port, as text (Docker writes it so).
    public let hostPort: String

    private enum CodingKeys: String, CodingKey {
        case hostIP = "HostIp"
        case hostPort = "HostPort"
    }
}
