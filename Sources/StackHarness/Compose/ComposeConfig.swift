import Foundation

/// The resolved compose file, from `docker compose config --format json`.
package struct ComposeConfig: Sendable {
    /// The project name.
    package let name: String?
    /// The services by name.
    package let services: [String: ComposeService]
    /// The top-level networks by key, as raw JSON.
    package let networks: [String: JSONValue]
    /// The top-level volumes by key, as raw JSON.
    package let volumes: [String: JSONValue]
    /// The whole document, for anything not typed here.
    package let raw: JSONValue

    /// Reads the resolved document.
    package init(json: JSONValue) throws {
        guard let services = json["services"]?.object else {
            throw HarnessError.undecodable(what: "compose config", reason: "no services object")
        }
        raw = json
        name = json["name"]?.string
        self.services = Dictionary(uniqueKeysWithValues: services.map { ($0.key, ComposeService(name: $0.key, compose: $0.value)) })
        networks = json["networks"]?.object ?? [:]
        volumes = json["volumes"]?.object ?? [:]
    }

    /// Reads the resolved document from the bytes `docker compose config --format json` printed.
    package init(data: Data) throws {
        try self.init(json: JSONValue(data: data))
    }

    /// The service names, sorted.
    package var serviceNames: [String] { services.keys.sorted() }
}
