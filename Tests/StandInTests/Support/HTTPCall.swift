import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// One HTTP exchange from the test process, with the body decoded as a JSON object.
struct HTTPCall: Sendable {
    /// The status code.
    let status: Int
    /// The raw body.
    let text: String
    /// The `Content-Type` header, nil when there was none.
    let contentType: String?
    /// Every header, for the few a test looks at.
    let headers: HTTPHeaders

    /// The body as a JSON object (empty when it is not one).
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    /// `GET` (or `POST` when `body` is given) `http://127.0.0.1:port` + `path`.
    static func send(port: Int, _ path: String, body: String? = nil) async throws -> HTTPCall {
        try await send(
            port: port,
            path,
            method: body == nil ? .GET : .POST,
            headers: body == nil ? [] : [("content-type", "application/json")],
            body: body.map { .bytes(ByteBuffer(string: $0)) }
        )
    }

    /// `method` `http://127.0.0.1:port` + `path` with `headers` and `body` as they are.
    static func send(
        port: Int,
        _ path: String,
        method: HTTPMethod,
        headers: [(String, String)] = [],
        body: HTTPClientRequest.Body? = nil
    ) async throws -> HTTPCall {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        request.body = body
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let bytes = try await response.body.collect(upTo: 1 << 20)
        return HTTPCall(
            status: Int(response.status.code),
            text: String(buffer: bytes),
            contentType: response.headers.first(name: "content-type"),
            headers: response.headers
        )
    }
}
