import AsyncHTTPClient
import Foundation
import NIOCore

/// One HTTP exchange from the test process, with the body decoded as a JSON object.
struct HTTPCall: Sendable {
    /// The status code.
    let status: Int
    /// The raw body.
    let text: String

    /// The body as a JSON object (empty when it is not one).
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    /// `GET` (or `POST` when `body` is given) `http://127.0.0.1:port` + `path`.
    static func send(port: Int, _ path: String, body: String? = nil) async throws -> HTTPCall {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
        if let body {
            request.method = .POST
            request.headers.add(name: "content-type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: body))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let bytes = try await response.body.collect(upTo: 1 << 20)
        return HTTPCall(status: Int(response.status.code), text: String(buffer: bytes))
    }
}
