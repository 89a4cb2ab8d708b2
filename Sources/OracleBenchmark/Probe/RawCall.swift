import GRPCCore
import GRPCNIOTransportHTTP2

/// One unary call of `method` with `bytes` as its request message, answered with the status the Oracle gave.
struct RawCall: Sendable {
    /// The time limit of a probe call: long enough for a request of a few megabytes on loopback.
    static let timeout: Duration = .seconds(20)

    /// The status given when the call failed without a gRPC status (the connection could not be made, say).
    static let clientError = "CLIENT_ERROR"

    /// The client the calls go through.
    let client: GRPCClient<HTTP2ClientTransport.Posix>

    /// The call's status as grpcio names it ("OK", "INVALID_ARGUMENT") and its message (empty for OK).
    func status(of method: MethodDescriptor, bytes: [UInt8], metadata: Metadata = [:]) async -> (code: String, message: String) {
        var options = CallOptions.defaults
        options.timeout = Self.timeout
        options.waitForReady = false
        do {
            try await client.unary(
                request: ClientRequest(message: bytes, metadata: metadata),
                descriptor: method,
                serializer: RawMessageCodec(),
                deserializer: RawMessageCodec(),
                options: options
            ) { response in
                _ = try response.message
            }
            return ("OK", "")
        } catch let error as RPCError {
            return (CallFailure(error).status.uppercased(), error.message)
        } catch {
            return (Self.clientError, CallFailure(error).text)
        }
    }
}
