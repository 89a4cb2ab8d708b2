/// What the engine does when a container's process exits (`HostConfig.RestartPolicy`).
public struct RestartPolicy: Sendable, Hashable, Decodable {
    /// "no", "always", "unless-stopped" or "on-failure".
    public let name: String
    /// The retry limit for "on-failure" (0 otherwise).
    public let maximumRetryCount: Int

    private enum CodingKeys: String, CodingKey {
        case name = "Name"
        case maximumRetryCount = "MaximumRetryCount"
    }
}
