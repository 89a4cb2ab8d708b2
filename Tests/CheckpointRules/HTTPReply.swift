import Foundation
import StackHarness

/// One HTTP answer the harness received: status, body and how long the exchange took.
package struct HTTPReply: Sendable {
    /// The request line as a person would write it, e.g. "GET http://127.0.0.1:8052/health" (for reports).
    package let request: String
    /// The HTTP status code.
    package let status: Int
    /// The body as received.
    package let body: Data
    /// From sending the request to having the whole body.
    package let elapsed: Duration
    /// The `Content-Type` header, nil when there was none (or it was not recorded).
    package let contentType: String?
    /// The `X-NPS-Oracle-Instance` header: which Oracle task answered a call through the api.
    package let oracleInstance: String?

    /// Makes a reply from its parts.
    package init(request: String, status: Int, body: Data, elapsed: Duration, contentType: String? = nil, oracleInstance: String? = nil) {
        self.request = request
        self.status = status
        self.body = body
        self.elapsed = elapsed
        self.contentType = contentType
        self.oracleInstance = oracleInstance
    }

    /// The body as UTF-8 text (invalid bytes replaced).
    package var text: String { String(decoding: body, as: UTF8.self) }

    /// The body parsed as JSON, `nil` when it is not JSON.
    package var json: JSONValue? { try? JSONValue(data: body) }
}
