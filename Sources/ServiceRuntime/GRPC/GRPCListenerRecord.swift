/// Where a ``GRPCServerService`` records its listener's state: the bound port once listening, and the start of its drain.
public protocol GRPCListenerRecord: Sendable {
    /// The listener is bound to `port` and serving.
    func grpcListening(on port: Int)
    /// Graceful shutdown began: the listener drains its calls in flight.
    func grpcStopping()
}
