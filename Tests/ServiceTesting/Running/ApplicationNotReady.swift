/// An application run by ``withRunning(_:until:within:diagnostics:_:)`` did not become ready in time.
public struct ApplicationNotReady: Error, CustomStringConvertible {
    /// How long it was given.
    public let limit: Duration
    /// What the caller had to say about it, such as the captured logs.
    public let diagnostics: String

    public var description: String {
        "the application was not ready within \(limit)" + (diagnostics.isEmpty ? "" : "; \(diagnostics)")
    }
}
