/// What `oracle-benchmark load --abuse KIND` printed: what one abusive connection sent, what the server answered, and
/// whether and when the server closed it (times in seconds from the connection being up).
package struct OracleAbuseRun: Sendable, Decodable, Equatable {
    /// The abuse ("rapid-reset", "slowloris", "idle", …).
    package let kind: String
    /// HOST:PORT abused.
    package let target: String
    /// How long the abuser waited for a close.
    package let holdSeconds: Double
    /// Whether the TCP connection was made.
    package let connected: Bool
    /// Why it could not be made; nil when it was.
    package let failure: String?
    /// HTTP/2 frames sent (HTTP/1: writes).
    package let framesSent: Int
    /// Bytes sent.
    package let bytesSent: Int
    /// HTTP/2 streams opened.
    package let streamsOpened: Int
    /// The stream limit the server advertised in its SETTINGS; nil when none.
    package let advertisedMaxConcurrentStreams: Int?
    /// HTTP/2 frames received, by type.
    package let framesReceived: [String: Int]
    /// Each GOAWAY's error code, in order.
    package let goawayErrors: [String]
    /// The first GOAWAY's debug data.
    package let goawayDebug: String?
    /// The status of an HTTP/1 response, if one came.
    package let httpStatus: Int?
    /// Whether the server closed the connection within the hold.
    package let closed: Bool
    /// "eof" or "reset" (or the read error); nil while open.
    package let closedBy: String?
    /// When the server closed it.
    package let closedSeconds: Double?

    /// A run (rules tests build their own).
    package init(
        kind: String,
        target: String,
        holdSeconds: Double,
        connected: Bool = true,
        failure: String? = nil,
        framesSent: Int,
        bytesSent: Int,
        streamsOpened: Int = 0,
        advertisedMaxConcurrentStreams: Int? = nil,
        framesReceived: [String: Int] = [:],
        goawayErrors: [String] = [],
        goawayDebug: String? = nil,
        httpStatus: Int? = nil,
        closed: Bool,
        closedBy: String? = nil,
        closedSeconds: Double? = nil
    ) {
        self.kind = kind
        self.target = target
        self.holdSeconds = holdSeconds
        self.connected = connected
        self.failure = failure
        self.framesSent = framesSent
        self.bytesSent = bytesSent
        self.streamsOpened = streamsOpened
        self.advertisedMaxConcurrentStreams = advertisedMaxConcurrentStreams
        self.framesReceived = framesReceived
        self.goawayErrors = goawayErrors
        self.goawayDebug = goawayDebug
        self.httpStatus = httpStatus
        self.closed = closed
        self.closedBy = closedBy
        self.closedSeconds = closedSeconds
    }

    private enum CodingKeys: String, CodingKey {
        case kind, target, connected, failure, closed
        case holdSeconds = "hold_seconds"
        case framesSent = "frames_sent"
        case bytesSent = "bytes_sent"
        case streamsOpened = "streams_opened"
        case advertisedMaxConcurrentStreams = "advertised_max_concurrent_streams"
        case framesReceived = "frames_received"
        case goawayErrors = "goaway_errors"
        case goawayDebug = "goaway_debug"
        case httpStatus = "http_status"
        case closedBy = "closed_by"
        case closedSeconds = "closed_seconds"
    }
}
