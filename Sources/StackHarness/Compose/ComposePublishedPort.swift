/// A port a running compose container publishes, from `docker compose ps` ("Publishers"; keys as ``DockerJSON`` maps them).
package struct ComposePublishedPort: Sendable, Hashable, Decodable {
    /// The host address ("127.0.0.1", "0.0.0.0", or "" when unpublished).
    package let url: String
    /// The container port.
    package let targetPort: Int
    /// The host port (0 when unpublished).
    package let publishedPort: Int
    /// "tcp" or "udp".
    package let `protocol`: String
}
