import Foundation

/// Runs blocking `work` (a waiting `flock`, thousands of synchronous log writes) on a thread of its own and awaits it.
///
/// Tests run in parallel on Swift's cooperative pool, one thread per core (two here); work that holds one of them for
/// seconds stalls the in-process Oracles of the tests beside it until their waits for a port give up.
func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}
