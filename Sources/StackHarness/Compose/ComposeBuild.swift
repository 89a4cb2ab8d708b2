/// A service's `build` section from the resolved compose file.
package struct ComposeBuild: Sendable, Hashable {
    /// The build context (an absolute path once resolved by `docker compose config`).
    package let context: String
    /// The Dockerfile, relative to the context.
    package let dockerfile: String?
    /// The stage to build, `nil` for the last one.
    package let target: String?

    /// Reads a `build` object; `nil` when it has no context.
    init?(compose json: JSONValue) {
        guard let context = json["context"]?.string ?? json.string else { return nil }
        self.context = context
        dockerfile = json["dockerfile"]?.string
        target = json["target"]?.string
    }
}
