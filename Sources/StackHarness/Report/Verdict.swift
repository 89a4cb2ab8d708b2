/// Whether a measurement met its limit.
public enum Verdict: String, Sendable, Hashable, Codable {
    /// It met the limit.
    case pass
    /// It did not.
    case fail

    /// `.pass` when `passed` is true.
    public init(passed: Bool) {
        self = passed ? .pass : .fail
    }
}
