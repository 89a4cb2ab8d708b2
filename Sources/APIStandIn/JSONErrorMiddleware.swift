import Hummingbird

/// Turns errors thrown past the routes (an unknown route is one) into the stand-in's JSON error shape.
struct JSONErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError {
            let message =
                error.status == .notFound
                ? "no route for \(request.method) \(request.uri.path)"
                : error.body ?? error.status.reasonPhrase
            return JSONResponse.error(message, status: error.status)
        } catch {
            context.logger.error("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            return JSONResponse.error("internal error", status: .internalServerError)
        }
    }
}
