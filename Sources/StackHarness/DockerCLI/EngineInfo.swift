/// The versions of the Docker engine, the CLI talking to it and Compose, as the report records them.
package struct EngineInfo: Sendable, Hashable, Codable {
    /// The engine (dockerd) version, e.g. "20.10.24+dfsg1".
    package let serverVersion: String
    /// The engine API version, e.g. "1.41".
    package let apiVersion: String
    /// The docker CLI version, e.g. "28.2.2".
    package let clientVersion: String
    /// The Compose plugin version from `docker compose version --short`, `nil` when Compose is missing.
    package let composeVersion: String?

    /// Makes an engine description from its parts.
    package init(serverVersion: String, apiVersion: String, clientVersion: String, composeVersion: String?) {
        self.serverVersion = serverVersion
        self.apiVersion = apiVersion
        self.clientVersion = clientVersion
        self.composeVersion = composeVersion
    }
}
