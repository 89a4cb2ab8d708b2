import CheckpointRules
import Foundation
import StackHarness

/// Where the running stack answers on the host, and the settings its env file gives, read from the
/// env file the compose project uses so a user's own ports and passwords are honoured.
extension Stack {
    /// The env file the compose project runs with, parsed.
    nonisolated func environment() throws -> EnvFile {
        try EnvFile(contentsOf: compose.environmentFile ?? layout.environmentFile)
    }

    /// `http://127.0.0.1:<ORACLE_HEALTH_PORT>/health` (8052 unless the env file says otherwise).
    nonisolated func oracleHealthURL() throws -> URL {
        try hostURL(portVariable: "ORACLE_HEALTH_PORT", defaultPort: 8052, path: "/health")
    }

    /// `http://127.0.0.1:<API_PORT><pathAndQuery>` (8000 unless the env file says otherwise).
    nonisolated func apiURL(_ pathAndQuery: String) throws -> URL {
        try hostURL(portVariable: "API_PORT", defaultPort: 8000, path: pathAndQuery)
    }

    /// `https://127.0.0.1:<WEB_UI_PORT><pathAndQuery>` (8443 unless the env file says otherwise); reach it with `WebUIFetch`.
    nonisolated func webUIURL(_ pathAndQuery: String) throws -> URL {
        try hostURL(portVariable: "WEB_UI_PORT", defaultPort: 8443, path: pathAndQuery, scheme: "https")
    }

    /// `http://127.0.0.1:<WEB_UI_HTTP_PORT><pathAndQuery>` (8080 unless the env file says otherwise): the web-ui's redirect.
    nonisolated func webUIRedirectURL(_ pathAndQuery: String) throws -> URL {
        try hostURL(portVariable: "WEB_UI_HTTP_PORT", defaultPort: 8080, path: pathAndQuery)
    }

    // The compose file publishes on BIND_ADDRESS (127.0.0.1 by default); 0.0.0.0 is reached through loopback too.
    private nonisolated func hostURL(portVariable: String, defaultPort: Int, path: String, scheme: String = "http") throws -> URL {
        let environment = try environment()
        let port = environment[portVariable].flatMap { Int($0.value) } ?? defaultPort
        let bind = environment["BIND_ADDRESS"]?.value ?? "127.0.0.1"
        let host = bind.isEmpty || bind == "0.0.0.0" ? "127.0.0.1" : bind
        guard let url = URL(string: "\(scheme)://\(host):\(port)\(path)") else {
            throw HarnessError.undecodable(what: "the \(portVariable) URL", reason: "\(scheme)://\(host):\(port)\(path) is not a URL")
        }
        return url
    }
}
