/// A port a running compose container publishes, from `docker compose ps` ("Publishers").
public struct ComposePublishedPort: Sendable, Hashable, Decodable {
    /// The host address ("127.0.0.1", "0.0.0.0", or "" when unpublished).
    public let url: String
    /// The container port.
    public let targetPort: Int
    /// The host port (0 when unpublished).
    public let publishedPort: Int
    /// "tcp" or "udp".
    public let `protocol`: String

    private enum CodingKeys: String, CodingKey {
        case url = "URL"
        case targetPort = "TargetPort"
        case publishedPort = "PublishedPort"
        case `protocol` = "Protocol"
    }
}
