import GRPCNIOTransportHTTP2
import ServiceRuntime

/// The Oracle's gRPC endpoint as `host:port` (`ORACLE_SERVICE_URL`, e.g. `oracle:50052`).
public struct OracleAddress: Sendable, Equatable, CustomStringConvertible {
    /// Host name or IP address; looked up again every second while the client runs (``RefreshingDNSResolverFactory``),
    /// so an Oracle restarted at a new IP is found there.
    public let host: String
    /// TCP port.
    public let port: Int
    /// How `host` is looked up: the system resolver; a test sets a lookup whose answer it moves.
    var lookup = HostLookup.system

    /// Creates an address from its parts.
    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses `host:port` (an IPv6 host in brackets); `variable` names the source in the error.
    public init(parsing text: String, variable: String) throws(ConfigurationError) {
        let problem = "'\(text)' is not host:port (for example oracle:50052)"
        guard let colon = text.lastIndex(of: ":") else { throw ConfigurationError(variable: variable, problem: problem) }
        var host = Substring(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = host.dropFirst().dropLast() }
        guard !host.isEmpty, !host.contains("/"), !host.contains(where: \.isWhitespace),
            let port = Int(text[text.index(after: colon)...]), (1...65535).contains(port)
        else { throw ConfigurationError(variable: variable, problem: problem) }
        self.init(host: String(host), port: port)
    }

    /// The target for a gRPC client transport.
    public var target: ResolvableTargets.DNS { .dns(host: host, port: port) }

    /// Addresses naming the same `host:port` are equal: how the host is looked up is not part of where the Oracle is.
    public static func == (lhs: OracleAddress, rhs: OracleAddress) -> Bool {
        lhs.host == rhs.host && lhs.port == rhs.port
    }

    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}
