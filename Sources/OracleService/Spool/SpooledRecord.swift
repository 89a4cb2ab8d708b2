#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A record with its idempotency key, as one line of a spool segment: the key goes into the row's unique
/// `record_key`, so a record replayed or retried after its row was stored adds nothing.
struct SpooledRecord: Sendable, Equatable, Codable {
    /// The row's `record_key`: the client's `idempotency-key` (with `/N` for the Nth row of one call), or a UUID.
    let key: String
    /// What is stored.
    let record: DatabaseRecord

    /// The record as one line of JSON, newline included.
    func line() throws -> [UInt8] {
        var bytes = Array(try JSONEncoder().encode(self))
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }

    /// The record of one spool line (without its newline).
    init(line: some Collection<UInt8>) throws {
        self = try JSONDecoder().decode(SpooledRecord.self, from: Data(line))
    }

    /// A record under `key`.
    init(key: String, record: DatabaseRecord) {
        self.key = key
        self.record = record
    }
}
