import GRPCCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Adds `nps-oracle-instance: <instance>` to every response, so a client of several Oracles (the api stand-in behind
/// `tasks.oracle`, a test) can tell which one answered.
///
/// A call that fails is answered with its status alone (a trailers-only response); the name then goes with the
/// status, so the client finds it in the trailing metadata.
struct InstanceNameWriter: ServerInterceptor {
    /// The metadata key; the api stand-in reads the same key.
    static let metadataKey = "nps-oracle-instance"

    /// The name written on every response.
    let instance: String

    /// This host's name (in a container, the container id): the Oracle's instance name. Read once at start; "unknown"
    /// when the system cannot say.
    static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        // One byte kept back: a name that fills the buffer is not terminated.
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "unknown" }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return name.isEmpty ? "unknown" : name
    }

    func intercept<Input: Sendable, Output: Sendable>(
        request: StreamingServerRequest<Input>,
        context: ServerContext,
        next: @Sendable (StreamingServerRequest<Input>, ServerContext) async throws -> StreamingServerResponse<Output>
    ) async throws -> StreamingServerResponse<Output> {
        var response: StreamingServerResponse<Output>
        do {
            response = try await next(request, context)
        } catch let error as RPCError {
            // Turned into the failed response here, as the server would, so that the name can go with it.
            response = StreamingServerResponse(error: error)
        } catch let error as any RPCErrorConvertible {
            response = StreamingServerResponse(error: RPCError(error))
        } catch {
            response = StreamingServerResponse(error: RPCError(code: .unknown, message: "Service method threw an unknown error.", cause: error))
        }
        response.metadata.addString(instance, forKey: Self.metadataKey)
        return response
    }
}
