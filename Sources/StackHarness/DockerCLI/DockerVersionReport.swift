/// The part of `docker version --format '{{json .}}'` the harness reads; `Server` is null when no engine answers.
struct DockerVersionReport: Decodable, Sendable {
    /// The CLI's own version.
    let clientVersion: String
    /// The engine's version and API version, absent when no engine answered.
    let server: ServerVersions?

    /// The engine half of the report.
    struct ServerVersions: Decodable, Sendable {
        let version: String
        let apiVersion: String

        private enum CodingKeys: String, CodingKey {
            case version = "Version"
            case apiVersion = "ApiVersion"
        }
    }

    private struct ClientVersion: Decodable {
        let Version: String
    }

    private enum CodingKeys: String, CodingKey {
        case client = "Client"
        case server = "Server"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        clientVersion = try container.decode(ClientVersion.self, forKey: .client).Version
        server = try container.decodeIfPresent(ServerVersions.self, forKey: .server)
    }
}
