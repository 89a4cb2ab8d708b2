import GRPCCore

/// Reads a client's `idempotency-key` metadata, refuses a malformed one with INVALID_ARGUMENT, and makes it
/// `IdempotencyKey.current` for the handler: the simple service protocol's handlers see no metadata.
struct IdempotencyKeyReader: ServerInterceptor {
    func intercept<Input: Sendable, Output: Sendable>(
        request: StreamingServerRequest<Input>,
        context: ServerContext,
        next: @Sendable (StreamingServerRequest<Input>, ServerContext) async throws -> StreamingServerResponse<Output>
    ) async throws -> StreamingServerResponse<Output> {
        // Unary handlers run inside `next`, so the task-local value reaches them.
        try await IdempotencyKey.$current.withValue(try RequestField.idempotencyKey(in: request.metadata)) {
            try await next(request, context)
        }
    }
}
