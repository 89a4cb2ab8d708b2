import GRPCCore

/// The request side of a stream that was never opened (``OracleTransport``): what the call writes goes nowhere.
struct UnsentRequestWriter<Bytes: GRPCContiguousBytes & Sendable>: ClosableRPCWriterProtocol {
    /// Drops `element`.
    func write(_ element: RPCRequestPart<Bytes>) async throws {}

    /// Drops `elements`.
    func write(contentsOf elements: some Sequence<RPCRequestPart<Bytes>>) async throws {}

    /// Nothing to close.
    func finish() async {}

    /// Nothing to close.
    func finish(throwing error: any Error) async {}
}
