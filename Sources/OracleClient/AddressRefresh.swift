import GRPCNIOTransportHTTP2

/// One name's addresses over time, as a push-mode resolver hands them to the channel: the first lookup at once, then
/// one lookup every `interval`, passed on only when the set of addresses changed.
///
/// It is its own iterator: ``makeAsyncIterator()`` returns a copy that has passed nothing on yet, so each iterator the
/// channel makes (at start, and again after an error) is independent and answers at once.
struct AddressRefresh: AsyncSequence, AsyncIteratorProtocol {
    /// The name looked up.
    let host: String
    /// The port of every address passed on.
    let port: Int
    /// How the name is looked up.
    let lookup: HostLookup
    /// The time between two lookups once the first has answered.
    let interval: Duration
    /// The addresses last passed on; nil until the first answer.
    private var current: Set<SocketAddress>?

    /// Looks `host` up with `lookup` every `interval`, with `port` on every address.
    init(host: String, port: Int, lookup: HostLookup, interval: Duration) {
        self.host = host
        self.port = port
        self.lookup = lookup
        self.interval = interval
    }

    /// A fresh iterator, which passes on its first answer whatever went before.
    func makeAsyncIterator() -> AddressRefresh {
        var fresh = self
        fresh.current = nil
        return fresh
    }

    /// The next changed answer; ends only by throwing (a failed first lookup, or cancellation when the channel closes).
    mutating func next() async throws -> NameResolutionResult? {
        guard let current else {
            // A failed first lookup is thrown, as the library's DNS resolver does: the channel then fails the calls
            // waiting for an address and makes a new iterator after its resolver backoff.
            return answer(try await lookup.addresses(host, port))
        }
        while true {
            // Cancellation (the channel closing) ends the sleep with CancellationError, which stops the channel's resolving.
            try await Task.sleep(for: interval)
            // A later failure is not thrown: the channel keeps the addresses it has either way, and an error would make it
            // wait out its resolver backoff (1 s growing to 2 min, not configurable) before looking again, while the
            // name is most likely to be missing just when the Oracle is being restarted and about to come back.
            guard let addresses = try? await lookup.addresses(host, port), Set(addresses) != current else { continue }
            return answer(addresses)
        }
    }

    /// Records `addresses` as passed on and wraps them as the one endpoint the channel's pick-first balancer dials.
    private mutating func answer(_ addresses: [SocketAddress]) -> NameResolutionResult {
        current = Set(addresses)
        return NameResolutionResult(endpoints: [Endpoint(addresses: addresses)], serviceConfig: nil)
    }
}
