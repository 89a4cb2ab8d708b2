/// Whether a measurement met its limit.
package enum Verdict: String, Sendable, Hashable, Codable {
    /// It met the limit.
    case pass
    /// It did not.
    case fail

    /// `.pass` when `passed` is true.
    package init(passed: Bool) {
        self = passed ? .pass : .fail
    }
}
