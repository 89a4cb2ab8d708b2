import Hummingbird

/// Turns errors thrown past the routes into the stand-in's JSON error shape: an unknown path is 404, another method on
/// a known path 405 with `Allow`, and what the request said is quoted only in part (`RequestError.quoted`).
struct JSONErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let method = RequestError.quoted(request.method.rawValue)
            let path = RequestError.quoted(request.uri.path)
            guard let route = APIRoute(rawValue: request.uri.path) else {
                return JSONResponse.error("no route for \(method) \(path)", status: .notFound)
            }
            var response = JSONResponse.error("\(method) is not allowed on \(path); use \(route.method.rawValue)", status: .methodNotAllowed)
            response.headers[.allow] = route.method.rawValue
            return response
        } catch let error as HTTPError {
            return JSONResponse.error(error.body ?? error.status.reasonPhrase, status: error.status)
        } catch {
            context.logger.error("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            return JSONResponse.error("internal error", status: .internalServerError)
        }
    }
}
