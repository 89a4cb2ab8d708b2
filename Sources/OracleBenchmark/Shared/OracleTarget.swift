import GRPCCore
import GRPCNIOTransportHTTP2

/// Where the Oracle's gRPC server listens: a host name or address and a port, written `HOST:PORT` (`[::1]:PORT` for IPv6).
struct OracleTarget: Sendable, Equatable, CustomStringConvertible {
    /// The host name or address, without brackets.
    var host: String
    /// The TCP port.
    var port: Int

    /// The target `host:port`.
    init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Reads `HOST:PORT`; throws `UsageError` naming `flag` when `text` is not one.
    init(parsing text: String, flag: String) throws {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (1...65_535).contains(port) else {
            throw UsageError("\(flag): '\(text)' is not HOST:PORT")
        }
        var host = text[..<colon]
        if host.hasPrefix("["), host.hasSuffix("]") { host = host.dropFirst().dropLast() }
        guard !host.isEmpty else { throw UsageError("\(flag): '\(text)' has no host") }
        self.init(host: String(host), port: port)
    }

    /// `HOST:PORT`, as given on a command line.
    var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

    /// A plaintext HTTP/2 transport to the target that waits `backoff` between connection attempts.
    func transport(backoff: HTTP2ClientTransport.Config.Backoff = .defaults) throws -> HTTP2ClientTransport.Posix {
        try HTTP2ClientTransport.Posix(
            target: .dns(host: host, port: port),
            transportSecurity: .plaintext,
            config: .defaults { $0.backoff = backoff }
        )
    }
}
