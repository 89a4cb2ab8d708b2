import GRPCCore
import GRPCNIOTransportHTTP2

/// Builds the one long-lived plaintext gRPC client a stand-in keeps to the Oracle.
public enum OracleConnection {
    /// A client for `address`; it connects when ``GRPCClientService`` runs it.
    ///
    /// Reconnect backoff is capped at 2 s (gRPC's default is 2 min) so the stand-in follows an Oracle restart
    /// within seconds instead of reporting it unavailable long after it is back. The host is looked up again every
    /// second (``RefreshingDNSResolverFactory``), so an Oracle that comes back at a new IP is followed there.
    public static func makeClient(to address: OracleAddress) throws -> GRPCClient<HTTP2ClientTransport.Posix> {
        // Only the refreshing resolver: with the library's defaults, its pull-mode DNS resolver would take the target.
        var resolvers = NameResolverRegistry()
        resolvers.registerFactory(RefreshingDNSResolverFactory(lookup: address.lookup))
        let transport = try HTTP2ClientTransport.Posix(
            target: address.target,
            transportSecurity: .plaintext,
            config: .defaults {
                $0.backoff = .init(initial: .milliseconds(200), max: .seconds(2), multiplier: 1.6, jitter: 0.2)
            },
            resolverRegistry: resolvers
        )
        return GRPCClient(transport: transport)
    }
}
