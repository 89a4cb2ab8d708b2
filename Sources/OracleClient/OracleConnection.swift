import GRPCCore
import GRPCNIOTransportHTTP2
import OracleAPI
import ServiceRuntime

/// Builds the one long-lived plaintext gRPC client a stand-in keeps to the Oracle.
public enum OracleConnection {
    /// The calls retried on UNAVAILABLE: those that store nothing, so a second attempt cannot store a row twice.
    /// SuggestRange and AnalyzeSession store rows and are left out.
    static let retriedMethods: [MethodDescriptor] = [
        Nps_Oracle_OracleService.Method.GetReading.descriptor,
        Nps_Oracle_OracleService.Method.GetNameReading.descriptor,
        Nps_Oracle_OracleService.Method.GetQuestionSign.descriptor,
        Nps_Oracle_OracleService.Method.GetDailyInsight.descriptor,
        Nps_Oracle_OracleService.Method.GetTimingAlignment.descriptor,
        Nps_Oracle_OracleService.Method.HealthCheck.descriptor,
        Grpc_Health_V1_Health.Method.Check.descriptor,
    ]

    /// Round robin over every address the Oracle's name resolves to, and up to three attempts of the calls in
    /// ``retriedMethods`` when one fails UNAVAILABLE.
    ///
    /// On Swarm the name (`tasks.oracle`) resolves to every Oracle task: round robin keeps a connection to each and
    /// spreads the calls over them, where pick-first would send them all to one. A rolling update replaces the tasks
    /// one by one: a call that reaches a task while it drains fails UNAVAILABLE, and its retry goes to another.
    static let serviceConfig = ServiceConfig(
        methodConfig: [
            MethodConfig(
                names: retriedMethods.map { MethodConfig.Name(service: $0.service.fullyQualifiedService, method: $0.method) },
                executionPolicy: .retry(
                    RetryPolicy(
                        maxAttempts: 3,
                        initialBackoff: .milliseconds(50),
                        maxBackoff: .milliseconds(500),
                        backoffMultiplier: 2,
                        retryableStatusCodes: [.unavailable]
                    )
                )
            )
        ],
        loadBalancingConfig: [.roundRobin]
    )

    /// A client for `address`; it connects when ``GRPCClientService`` runs it.
    ///
    /// Reconnect backoff is capped at 2 s (gRPC's default is 2 min) so the stand-in follows an Oracle restart
    /// within seconds instead of reporting it unavailable long after it is back. The host is looked up again every
    /// second (``RefreshingDNSResolverFactory``), so an Oracle that comes back at a new IP is followed there, and
    /// a replica that joins gets its share of the calls (``serviceConfig``).
    public static func makeClient(to address: OracleAddress) throws -> GRPCClient<OracleTransport> {
        // Only the refreshing resolver: with the library's defaults, its pull-mode DNS resolver would take the target.
        var resolvers = NameResolverRegistry()
        resolvers.registerFactory(RefreshingDNSResolverFactory(lookup: address.lookup))
        let transport = try HTTP2ClientTransport.Posix(
            target: address.target,
            transportSecurity: .plaintext,
            config: .defaults {
                $0.backoff = .init(initial: .milliseconds(200), max: .seconds(2), multiplier: 1.6, jitter: 0.2)
                // Closed by the client before the Oracle closes it: an idle connection the client closes is dialed
                // again by the next call, while one the Oracle closes with a GOAWAY is dropped by the round-robin
                // balancer until the next lookup (up to a second) and fails the calls made meanwhile.
                $0.connection.maxIdleTime = GRPCConnectionPolicy.service.maxIdleTime - .seconds(10)
            },
            resolverRegistry: resolvers,
            serviceConfig: serviceConfig
        )
        return GRPCClient(transport: OracleTransport(http2: transport))
    }
}
