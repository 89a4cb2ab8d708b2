/// A mount from the resolved compose file.
package struct ComposeVolume: Sendable, Hashable {
    /// "bind", "volume" or "tmpfs".
    package let type: String
    /// The host path (bind, absolute once resolved) or the volume's key; `nil` for anonymous volumes and tmpfs.
    package let source: String?
    /// The path inside the container.
    package let target: String
    /// Whether the mount is read-only.
    package let readOnly: Bool

    /// Reads one `volumes` entry.
    init?(compose json: JSONValue) {
        guard let type = json["type"]?.string, let target = json["target"]?.string else { return nil }
        self.type = type
        self.target = target
        source = json["source"]?.string
        readOnly = json["read_only"]?.bool ?? false
    }
}
