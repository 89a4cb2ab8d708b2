import GRPCNIOTransportHTTP2

/// How the client turns the Oracle's host name into addresses: the system resolver, or in tests a name whose answer the test moves.
struct HostLookup: Sendable {
    /// The addresses `host` resolves to now, each with `port`; throws when it does not resolve.
    let addresses: @Sendable (_ host: String, _ port: Int) async throws -> [SocketAddress]

    /// getaddrinfo through the library's own DNS resolver, which looks the name up afresh on every pull.
    static let system = HostLookup { host, port in
        var answers = NameResolvers.DNS().resolver(for: .dns(host: host, port: port)).names.makeAsyncIterator()
        return try await answers.next()?.endpoints.flatMap(\.addresses) ?? []
    }
}
