/// One requirement of the checkpoints spec (`../shared/spec/checkpoints.md`): its ID, what it asks and its limit
/// in words. The catalogue (`Requirements`) holds each one once; the checks, the tests' names (as their argument)
/// and the report read it from there.
package struct Requirement: Sendable, Hashable, CustomStringConvertible {
    /// The ID, e.g. "CP4.endpoint".
    package let id: String
    /// What it asks, in a few words.
    package let asks: String
    /// The limit the report shows, e.g. "< 2 s, 200 {status: healthy, …}".
    package let limit: String

    /// A requirement of the catalogue.
    init(_ id: String, asks: String, limit: String) {
        self.id = id
        self.asks = asks
        self.limit = limit
    }

    /// "CP4.endpoint: GET /health … (< 2 s, …)", as a test's argument shows it.
    package var description: String { "\(id): \(asks) (limit: \(limit))" }
}
