/// The names an executable is known by: on its command line, in its log lines and in `--version`.
public struct ServiceIdentity: Sendable {
    /// The executable's name, printed before every error line and by `--version`.
    public let program: String
    /// The version `--version` prints.
    public let version: String
    /// What the lifecycle lines call it: "<title> started", "<title> stopped", "<title> failed".
    public let title: String
    /// The label of the executable's logger.
    public let logLabel: String

    /// Creates the identity of `program`.
    public init(program: String, version: String, title: String, logLabel: String) {
        self.program = program
        self.version = version
        self.title = title
        self.logLabel = logLabel
    }
}
