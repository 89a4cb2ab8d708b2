import Hummingbird

/// Refuses a request whose declared body (`Content-Length`) is over `maximumBytes` with 413 before anything reads it,
/// whatever its route or method, so a client that sent `Expect: 100-continue` never has to send it. A body of
/// undeclared length is cut off where a route reads it (`SuggestRangeBody.read`).
struct BodyLimitMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The largest body accepted, in bytes.
    let maximumBytes: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > maximumBytes {
            return RequestError.bodyTooLarge(limit: maximumBytes).response
        }
        return try await next(request, context)
    }
}
