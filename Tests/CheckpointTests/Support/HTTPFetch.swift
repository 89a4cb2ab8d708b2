import CheckpointRules
import Foundation
import StackHarness

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Plain HTTP from the harness to a published port, timed; no cache, no cookies.
enum HTTPFetch {
    /// Ephemeral, so no answer is served from a cache; no proxy asked for, since every target is on 127.0.0.1.
    private static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.connectionProxyDictionary = [:]
        return URLSession(configuration: configuration)
    }()

    /// `GET url`; throws only when no HTTP answer came (refused, timed out), whatever the status. With
    /// `ownConnection` the request opens a connection of its own (`Connection: close`): a poll measuring the server
    /// must not reuse a pooled connection just as the server closes it for being idle 30 s.
    static func get(_ url: URL, timeout: Duration = .seconds(10), ownConnection: Bool = false) async throws -> HTTPReply {
        var request = URLRequest(url: url)
        if ownConnection { request.setValue("close", forHTTPHeaderField: "Connection") }
        return try await exchange(request, timeout: timeout)
    }

    /// `POST url` with `json` as an `application/json` body.
    static func post(_ url: URL, json: String, timeout: Duration = .seconds(10)) async throws -> HTTPReply {
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(json.utf8)
        return try await exchange(request, timeout: timeout)
    }

    /// Sends `request` as it is (method, headers, body), giving up after `timeout`; throws only when no HTTP answer came.
    static func exchange(_ request: URLRequest, timeout: Duration) async throws -> HTTPReply {
        var request = request
        request.timeoutInterval = timeout.inSeconds
        let clock = ContinuousClock()
        let start = clock.now
        let (body, response) = try await session.data(for: request)
        let elapsed = clock.now - start
        let http = response as? HTTPURLResponse
        return HTTPReply(
            request: "\(request.httpMethod ?? "GET") \(request.url?.absoluteString ?? "")",
            status: http?.statusCode ?? 0,
            body: body,
            elapsed: elapsed,
            contentType: http?.value(forHTTPHeaderField: "Content-Type"),
            oracleInstance: http?.value(forHTTPHeaderField: "X-NPS-Oracle-Instance")
        )
    }

    /// GETs `url` every 100 ms until `done` holds for an answer or `limit` passes; the last answer, and how long
    /// after the call it came. A refused or timed-out request is no answer yet.
    static func poll(_ url: URL, until done: (HTTPReply) -> Bool, for limit: Duration) async -> (HTTPReply?, Duration) {
        let clock = ContinuousClock()
        let start = clock.now
        var last: HTTPReply?
        var waited = Duration.zero
        while clock.now - start < limit {
            last = try? await get(url, timeout: .seconds(2))
            waited = clock.now - start
            if let last, done(last) { break }
            try? await Task.sleep(for: .milliseconds(100))
        }
        return (last, waited)
    }
}
