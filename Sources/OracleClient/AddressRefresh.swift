import GRPCNIOTransportHTTP2

/// One name's addresses over time, as a push-mode resolver hands them to the channel: the first lookup at once, then
/// one lookup every `interval`, each answer passed on, changed or not.
///
/// An unchanged answer is passed on too: the channel's round-robin balancer drops an address whose connection got a
/// GOAWAY (an Oracle shutting down) and takes it back only from a resolver answer, and the channel asks a push-mode
/// resolver for none, so an Oracle that restarts at the same address would never be dialed again. Passing on an
/// unchanged answer costs nothing more: the balancer leaves the addresses it already has alone.
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
    /// Whether this iterator has passed an answer on.
    private var answered = false

    /// Looks `host` up with `lookup` every `interval`, with `port` on every address.
    init(host: String, port: Int, lookup: HostLookup, interval: Duration) {
        self.host = host
        self.port = port
        self.lookup = lookup
        self.interval = interval
    }

    /// A fresh iterator, which passes on its first answer at once whatever went before.
    func makeAsyncIterator() -> AddressRefresh {
        var fresh = self
        fresh.answered = false
        return fresh
    }

    /// The next answer; ends only by throwing (a failed first lookup, or cancellation when the channel closes).
    mutating func next() async throws -> NameResolutionResult? {
        guard answered else {
            // A failed first lookup is thrown, as the library's DNS resolver does: the channel then fails the calls
            // waiting for an address and makes a new iterator after its resolver backoff.
            let addresses = try await lookup.addresses(host, port)
            answered = true
            return Self.answer(addresses)
        }
        while true {
            // Cancellation (the channel closing) ends the sleep with CancellationError, which stops the channel's resolving.
            try await Task.sleep(for: interval)
            // A later failure is not thrown: the channel keeps the addresses it has either way, and an error would make it
            // wait out its resolver backoff (1 s growing to 2 min, not configurable) before looking again, while the
            // name is most likely to be missing just when the Oracle is being restarted and about to come back.
            guard let addresses = try? await lookup.addresses(host, port) else { continue }
            return Self.answer(addresses)
        }
    }

    /// `addresses`, each an endpoint of its own: the channel's round-robin balancer keeps a connection to every
    /// endpoint (every Oracle task) and spreads the calls over them.
    private static func answer(_ addresses: [SocketAddress]) -> NameResolutionResult {
        NameResolutionResult(endpoints: addresses.map { Endpoint(addresses: [$0]) }, serviceConfig: nil)
    }
}
