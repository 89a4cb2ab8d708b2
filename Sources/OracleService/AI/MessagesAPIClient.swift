import AsyncHTTPClient
import Logging
import NIOCore
import NIOPosix

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Calls the Anthropic Messages API (`POST {base}/v1/messages`) and returns the text of the answer.
struct MessagesAPIClient: Sendable {
    /// Why a call produced no text; never carries the API key.
    enum Failure: Error, CustomStringConvertible {
        case status(Int, String)
        /// A 3xx from `host`, the configured one: never followed, since the request carries the key.
        case redirect(Int, host: String)
        case emptyAnswer
        case undecodable(String)

        var description: String {
            switch self {
            case .status(let code, let message): "Messages API answered \(code): \(message)"
            case .redirect(let code, let host):
                "Messages API host \(host) answered \(code), a redirect, which is not followed: the key goes to that host only"
            case .emptyAnswer: "Messages API answered with no text"
            case .undecodable(let reason): "Messages API answer could not be read: \(reason)"
            }
        }
    }

    /// The API version header the service speaks.
    static let apiVersion = "2023-06-01"
    /// Upper bound on the length of an answer.
    static let maxTokens = 300

    private let http: HTTPClient
    private let endpoint: String
    /// What `hostAnswers` asks: a documented route that answers even without a key (401), at no cost.
    private let probeEndpoint: String
    /// The configured host and port, as a warning names it (never the whole URL, which could hold credentials).
    private let host: String
    private let apiKey: String
    private let model: String
    private let timeout: Duration

    /// Creates a client for `baseURL` (no trailing slash) with `apiKey`.
    init(http: HTTPClient, baseURL: String, apiKey: String, model: String, timeout: Duration) {
        self.http = http
        endpoint = baseURL + "/v1/messages"
        probeEndpoint = baseURL + "/v1/models"
        let components = URLComponents(string: baseURL)
        host = (components?.host ?? "?") + (components?.port.map { ":\($0)" } ?? "")
        self.apiKey = apiKey
        self.model = model
        self.timeout = timeout
    }

    /// Sends one user message under `system` and returns the answer's text.
    func complete(system: String, prompt: String) async throws -> String {
        var request = HTTPClientRequest(url: endpoint)
        request.method = .POST
        request.headers.add(name: "x-api-key", value: apiKey)
        request.headers.add(name: "anthropic-version", value: Self.apiVersion)
        request.headers.add(name: "content-type", value: "application/json")
        let body = RequestBody(model: model, maxTokens: Self.maxTokens, system: system, messages: [.init(role: "user", content: prompt)])
        request.body = .bytes(ByteBuffer(bytes: try JSONEncoder().encode(body)))

        // AHC's own deadline ends with the response's head, so a body that never finishes would hold the call;
        // the race bounds head and body together, and answers at the deadline even if the request is slow to unwind.
        let (status, data) = try await withDeadline(timeout) { [http, timeout, request] in
            let response = try await http.execute(request, timeout: .nanoseconds(timeout.nanoseconds))
            let bytes = try await response.body.collect(upTo: 1 << 20)
            return (response.status, Data(buffer: bytes))
        }
        if (300..<400).contains(status.code) { throw Failure.redirect(Int(status.code), host: host) }
        guard status.code == 200 else {
            let message = (try? JSONDecoder().decode(ErrorBody.self, from: data))?.error.message ?? status.reasonPhrase
            throw Failure.status(Int(status.code), message)
        }
        let answer: ResponseBody
        do {
            answer = try JSONDecoder().decode(ResponseBody.self, from: data)
        } catch {
            throw Failure.undecodable("\(error)")
        }
        let text = answer.content.compactMap { $0.type == "text" ? $0.text : nil }.joined()
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw Failure.emptyAnswer }
        return text
    }

    /// Whether the host answers HTTP at all, with any status, within the call's timeout; costs no tokens.
    func hostAnswers() async -> Bool {
        let request = HTTPClientRequest(url: probeEndpoint)
        let answered: Void? = try? await withDeadline(timeout) { [http, timeout] in
            let response = try await http.execute(request, timeout: .nanoseconds(timeout.nanoseconds))
            // Read so the connection goes back to the pool; the head already told what the probe wanted to know.
            _ = try? await response.body.collect(upTo: 1 << 20)
        }
        return answered != nil
    }

    /// Whether `error` says no connection to the host could be made: no such host, refused, unreachable, no
    /// answer to the connection attempt. Anything else means the host was reached, however it then failed.
    static func isNoConnection(_ error: any Error) -> Bool {
        switch error {
        // A host name none of whose addresses resolved or took a connection.
        case is NIOConnectionError: true
        // An IP address, which is dialled directly, refused or not routable.
        case let error as IOError: [ECONNREFUSED, ENETUNREACH, EHOSTUNREACH].contains(error.errnoCode)
        case let error as HTTPClientError: error == .connectTimeout
        default: false
        }
    }
}

extension MessagesAPIClient {
    private struct RequestBody: Encodable {
        struct Message: Encodable {
            var role: String
            var content: String
        }

        var model: String
        var maxTokens: Int
        var system: String
        var messages: [Message]

        enum CodingKeys: String, CodingKey {
            case model, system, messages
            case maxTokens = "max_tokens"
        }
    }

    private struct ResponseBody: Decodable {
        struct Block: Decodable {
            var type: String
            var text: String?
        }

        var content: [Block]
    }

    private struct ErrorBody: Decodable {
        struct Detail: Decodable {
            var message: String
        }

        var error: Detail
    }
}

extension Duration {
    /// The duration in whole nanoseconds, for APIs that take NIO's `TimeAmount`.
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
