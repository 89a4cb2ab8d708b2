/// A published port from the resolved compose file.
package struct ComposePort: Sendable, Hashable {
    /// The host port (or range), as text; `nil` when the engine picks one.
    package let published: String?
    /// The container port.
    package let target: Int
    /// The host address it binds to, `nil` for all addresses.
    package let hostIP: String?
    /// "tcp" or "udp".
    package let `protocol`: String

    /// Reads one `ports` entry (Compose writes `published` as a string or a number depending on its version).
    init?(compose json: JSONValue) {
        guard let target = json["target"]?.int64 else { return nil }
        self.target = Int(target)
        published = json["published"]?.scalarText
        hostIP = json["host_ip"]?.string
        self.protocol = json["protocol"]?.string ?? "tcp"
    }
}
