/// The verdict of one rule on measured data: which requirement it is, whether it held, what was found, and why.
package struct CheckOutcome: Sendable, Hashable {
    /// The requirement ID from the checkpoints spec, e.g. "CP2.chain".
    package let id: String
    /// Whether the rule held.
    package let passed: Bool
    /// What was measured, in a few words (goes into the report).
    package let measured: String
    /// Why it failed (every broken point), or what held when it passed.
    package let reason: String

    /// Makes an outcome from its parts.
    package init(id: String, passed: Bool, measured: String, reason: String) {
        self.id = id
        self.passed = passed
        self.measured = measured
        self.reason = reason
    }
}
