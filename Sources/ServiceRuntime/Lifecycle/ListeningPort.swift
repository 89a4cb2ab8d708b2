import Synchronization

/// The port a listener actually bound, set once it is listening; tests configure port 0 and read it here.
public final class ListeningPort: Sendable {
    private let port = Mutex<Int?>(nil)

    /// Creates an empty record.
    public init() {}

    /// The bound port, or nil until the listener is up.
    public var value: Int? { port.withLock { $0 } }

    /// Records the bound port.
    public func set(_ value: Int) {
        port.withLock { $0 = value }
    }
}

extension ListeningPort: GRPCListenerRecord {
    /// Records the bound port.
    public func grpcListening(on port: Int) { set(port) }
    /// The port stays recorded while the listener drains.
    public func grpcStopping() {}
}
