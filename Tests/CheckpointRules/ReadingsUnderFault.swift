import StackHarness

/// The GetReading calls made while a fault lasted, in rounds of `oracle-benchmark load --readings`, added up.
package struct ReadingsUnderFault: Sendable, Equatable, CustomStringConvertible {
    /// Calls answered.
    package private(set) var ok = 0
    /// Calls failed.
    package private(set) var errors = 0
    /// The first failure, if any.
    package private(set) var firstError: String?
    /// The slowest call, in milliseconds.
    package private(set) var slowestMilliseconds = 0.0

    /// No calls yet.
    package init() {}

    /// Adds one round's report.
    package mutating func add(_ round: OracleLoadReadings) {
        ok += round.ok
        errors += round.errors
        firstError = firstError ?? round.firstError
        slowestMilliseconds = max(slowestMilliseconds, round.maxMilliseconds)
    }

    /// Adds a round that could not run at all.
    package mutating func add(failure: String) {
        errors += 1
        firstError = firstError ?? failure
    }

    package var description: String {
        "\(ok) readings OK, \(errors) failed, slowest \(slowestMilliseconds.compactText) ms"
    }
}
