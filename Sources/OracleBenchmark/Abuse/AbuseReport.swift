/// The JSON line of `load --abuse KIND`: what the abuser sent, what the server answered, and whether and when it closed
/// the connection. Times are seconds from the moment the connection was up.
struct AbuseReport: LoadReport, Equatable {
    /// The mode's name.
    let mode = "abuse"
    /// The abuse, as `--abuse` names it.
    let kind: String
    /// HOST:PORT abused.
    let target: String
    /// How long the abuser kept at it before giving up on a close, in seconds.
    let holdSeconds: Double
    /// Whether the TCP connection was made.
    var connected = false
    /// Why the connection could not be made, or broke in a way that says nothing of the server; nil otherwise.
    var failure: String?
    /// HTTP/2 frames sent (the preface not counted); for HTTP/1, writes.
    var framesSent = 0
    /// Bytes sent, the preface included.
    var bytesSent = 0
    /// HTTP/2 streams opened.
    var streamsOpened = 0
    /// When the abuser last sent something; nil when it sent nothing.
    var lastSentSeconds: Double?
    /// The SETTINGS_MAX_CONCURRENT_STREAMS the server advertised; nil when it sent none (or is not HTTP/2).
    var advertisedMaxConcurrentStreams: Int?
    /// HTTP/2 frames received, by type ("SETTINGS", "PING", "GOAWAY", …).
    var framesReceived: [String: Int] = [:]
    /// Each GOAWAY's error code, in order ("NO_ERROR", "ENHANCE_YOUR_CALM", …).
    var goawayErrors: [String] = []
    /// The first GOAWAY's debug data, when it had some ("too_many_pings").
    var goawayDebug: String?
    /// When the first GOAWAY came.
    var goawaySeconds: Double?
    /// The status of the HTTP/1 response the server sent, if it sent one.
    var httpStatus: Int?
    /// Whether the server closed the connection within the hold.
    var closed = false
    /// How: "eof" (the server's FIN) or "reset"; nil while open.
    var closedBy: String?
    /// When the server closed it.
    var closedSeconds: Double?

    /// 0 when the server closed the connection, 1 when it was still open when the hold ended (or never opened).
    var exitStatus: Int32 { closed ? 0 : 1 }
}
