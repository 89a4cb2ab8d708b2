/// A service's `build` section from the resolved compose file.
public struct ComposeBuild: Sendable, Hashable {
    /// The build context (an absolute path once resolved by `docker compose config`).
    public let context: String
    /// The Dockerfile, relative to the context.
    public let dockerfile: String?
    /// The stage to build, `nil` for the last one.
    public let target: String?

    /// Reads a `build` object; `nil` when it has no context.
    init?(compose json: JSONValue) {
        guard let context = json["context"]?.string ?? json.string else { return nil }
        self.context = context
        dockerfile = json["dockerfile"]?.string
        target = json["target"]?.string
    }
}
