import GRPCCore
import SwiftProtobuf

/// Rejects request messages larger than `GRPC_MAX_REQUEST_BYTES` with RESOURCE_EXHAUSTED.
///
/// The HTTP/2 transport's own limit cannot do this: when a message exceeds it, grpc-swift-nio-transport (2.9)
/// resets the stream without a status, so clients see CANCELLED (grpcio) or UNAVAILABLE (grpc-swift). The transport
/// limit is therefore set to `transportLimit(for:)`, a few times larger, and the contract's limit is enforced here,
/// where a status can still be sent.
struct RequestSizeLimit: ServerInterceptor {
    /// The largest serialized request message accepted, in bytes.
    let maximumBytes: Int

    /// The transport's hard limit for a service limit of `maximumBytes`: requests between the two get
    /// RESOURCE_EXHAUSTED from this interceptor; only larger ones are reset by the transport.
    static func transportLimit(for maximumBytes: Int) -> Int {
        max(maximumBytes.multipliedReportingOverflow(by: 4).overflow ? .max : maximumBytes * 4, 4 << 20)
    }

    func intercept<Input: Sendable, Output: Sendable>(
        request: StreamingServerRequest<Input>,
        context: ServerContext,
        next: @Sendable (StreamingServerRequest<Input>, ServerContext) async throws -> StreamingServerResponse<Output>
    ) async throws -> StreamingServerResponse<Output> {
        let limit = maximumBytes
        var checked = request
        checked.messages = RPCAsyncSequence(
            wrapping: request.messages.map { message in
                if let proto = message as? any SwiftProtobuf.Message {
                    let bytes: [UInt8] = try proto.serializedBytes()
                    let size = bytes.count
                    if size > limit {
                        throw RPCError(
                            code: .resourceExhausted,
                            message: "request: \(size) bytes is over the limit of \(limit) bytes (GRPC_MAX_REQUEST_BYTES)"
                        )
                    }
                }
                return message
            }
        )
        return try await next(checked, context)
    }
}
