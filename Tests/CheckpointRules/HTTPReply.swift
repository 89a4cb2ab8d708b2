import Foundation
import StackHarness

/// One HTTP answer the harness received: status, body and how long the exchange took.
struct HTTPReply: Sendable {
    /// The request line as a person would write it, e.g. "GET http://127.0.0.1:8052/health" (for reports).
    let request: String
    /// The HTTP status code.
    let status: Int
    /// The body as received.
    let body: Data
    /// From sending the request to having the whole body.
    let elapsed: Duration

    /// The body as UTF-8 text (invalid bytes replaced).
    var text: String { String(decoding: body, as: UTF8.self) }

    /// The body parsed as JSON, `nil` when it is not JSON.
    var json: JSONValue? { try? JSONValue(data: body) }
}
