/// How `load --abuse KIND` misuses one connection: HTTP/2 abuse for the gRPC port, slow HTTP/1 requests for the HTTP
/// ports, and idle connections for either.
enum AbuseKind: String, Sendable, Equatable, CaseIterable {
    /// HEADERS then RST_STREAM on stream after stream (CVE-2023-44487).
    case rapidReset = "rapid-reset"
    /// PING after PING.
    case pingFlood = "ping-flood"
    /// SETTINGS after SETTINGS, each one the server must acknowledge.
    case settingsFlood = "settings-flood"
    /// As many streams as the server allows, each a call whose request never comes, then silence: no PING answered.
    case endlessStreams = "endless-streams"
    /// An HTTP/1.1 request head sent one byte every `AbuseRun.trickleInterval`, never finished.
    case slowloris
    /// An HTTP/1.1 request whose body comes one byte every `AbuseRun.trickleInterval`, never finished.
    case slowBody = "slow-body"
    /// A TCP connection that sends nothing at all.
    case idle
    /// An HTTP/2 connection that opens no stream but answers the server's SETTINGS and PINGs, as a live client does.
    case idleH2 = "idle-h2"

    /// Whether the abuse speaks HTTP/2: it starts with the client preface and SETTINGS, and reads frames back.
    var speaksHTTP2: Bool {
        switch self {
        case .rapidReset, .pingFlood, .settingsFlood, .endlessStreams, .idleH2: true
        case .slowloris, .slowBody, .idle: false
        }
    }

    /// Whether the abuser answers the server's PINGs, so the server's keepalive finds it alive.
    var answersPings: Bool { self == .idleH2 }

    /// The kinds as `--abuse` takes them: "rapid-reset, ping-flood, …".
    static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
