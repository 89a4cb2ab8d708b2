import GRPCCore
import GRPCNIOTransportHTTP2

/// Resolves DNS targets with a push-mode resolver that looks the name up again every `interval` (``AddressRefresh``),
/// so a running client follows its server to a new address.
///
/// It stands in for the library's `NameResolvers.DNS`, which is pull-mode: grpc-swift-nio-transport 2.9.2 pulls it at
/// start and afterwards only when a connection gets a GOAWAY or drops with calls in flight. A connect attempt that
/// fails (refused, timed out, no route) only backs off and dials the same addresses again, and a connection that drops
/// while idle (the stand-ins' usual state when the Oracle is killed) asks for nothing; so an Oracle that came back at a
/// new IP was never found (issue 8). Each answer goes to the channel's round-robin balancer, which dials a new
/// address at once, with no backoff, and closes the connection to one that is gone once a new one is ready.
struct RefreshingDNSResolverFactory: NameResolverFactory {
    typealias Target = ResolvableTargets.DNS

    /// How names are looked up.
    let lookup: HostLookup
    /// The time between two lookups of a name.
    let interval: Duration

    /// Looks names up with `lookup` every `interval`; one second keeps a move found well within the 2 s reconnect backoff cap.
    init(lookup: HostLookup, interval: Duration = .seconds(1)) {
        self.lookup = lookup
        self.interval = interval
    }

    /// A resolver for `target`, with the authority the library's DNS resolver gives (443 when it names no port).
    func resolver(for target: Target) -> NameResolver {
        let refresh = AddressRefresh(host: target.host, port: target.port ?? 443, lookup: lookup, interval: interval)
        return NameResolver(
            names: RPCAsyncSequence(wrapping: refresh),
            updateMode: .push,
            authority: target.host + (target.port.map { ":\($0)" } ?? "")
        )
    }
}
