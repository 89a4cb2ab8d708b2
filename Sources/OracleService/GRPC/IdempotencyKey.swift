#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The keys under which a call's rows are stored: the client's `idempotency-key` when it sent one, so that a call
/// retried after a timeout stores nothing new, else a fresh UUID per call.
enum IdempotencyKey {
    /// The current call's `idempotency-key`, set by `IdempotencyKeyReader`.
    @TaskLocal static var current: String?

    /// The current call's key: its `idempotency-key`, else a fresh UUID. A call storing several rows stores them
    /// under `KEY/1` … `KEY/N`.
    static func forCall() -> String {
        current ?? UUID().uuidString.lowercased()
    }
}
