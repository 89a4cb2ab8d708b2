import Hummingbird

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// JSON responses: encoded values, ready-made JSON text and the `{"error":…,"field":…}` shape of every failure.
enum JSONResponse {
    /// The body of every error response; `field` names the request field at fault when it is known.
    private struct ErrorBody: Encodable {
        let error: String
        let field: String?
    }

    /// `value` encoded with sorted keys.
    static func encode(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else {
            return text(#"{"error":"response could not be encoded"}"#, status: .internalServerError)
        }
        return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// `json`, already JSON text, as the body.
    static func text(_ json: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: json)))
    }

    /// `{"error": message, "field": field}`, leaving out `field` when nil.
    static func error(_ message: String, field: String? = nil, status: HTTPResponse.Status) -> Response {
        encode(ErrorBody(error: message, field: field), status: status)
    }
}
