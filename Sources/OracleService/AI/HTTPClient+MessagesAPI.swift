import AsyncHTTPClient
import NIOCore

extension HTTPClient {
    /// How long the Messages API client may take to reach the host: resolve, connect, TLS handshake.
    ///
    /// Well under REL.aidown's 2.5 s, and still ample for a real TCP and TLS handshake with the API.
    static let messagesAPIConnectTimeout: TimeAmount = .milliseconds(1500)

    /// The one HTTP client of the Messages API: it gives a host up after one failed connection attempt, and never
    /// follows a redirect.
    ///
    /// `.shared` allows a connection 90 s and, when an attempt fails (no such host, refused, no SYN-ACK), dials again
    /// with backoff until the request's own deadline, so an unreachable AI host held every call that tried it for the
    /// whole `NPS_AI_TIMEOUT_SECONDS`. Here a failed attempt fails the waiting calls at once and an attempt lasts at
    /// most `messagesAPIConnectTimeout`; the answer itself is still bounded by the call's deadline only. Like
    /// `.shared` it lives as long as the process, so it is never shut down.
    static let messagesAPI: HTTPClient = {
        var configuration = HTTPClient.Configuration.singletonConfiguration
        configuration.timeout.connect = messagesAPIConnectTimeout
        configuration.connectionPool.retryConnectionEstablishment = false
        // A followed redirect would carry the key elsewhere: AHC drops only Authorization and Cookie when the origin
        // changes, not x-api-key. The 3xx comes back to the caller, which counts it as a failed call (SEC.aikey).
        configuration.redirectConfiguration = .disallow
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()
}
