/// An instant as whole seconds and nanoseconds since 1970-01-01T00:00:00Z, the form log times and Docker's
/// timestamps are computed in.
public struct UnixInstant: Hashable, Comparable, Sendable {
    /// Whole seconds since the epoch, rounded towards negative infinity (so 1969 instants are negative).
    public let seconds: Int
    /// The nanoseconds past `seconds`, always in 0..<1_000_000_000.
    public let nanoseconds: Int

    /// An instant from seconds and nanoseconds; nanoseconds outside 0..<1e9 carry into the seconds.
    public init(seconds: Int, nanoseconds: Int = 0) {
        let (carry, remainder) = Self.floorDivide(nanoseconds, 1_000_000_000)
        self.seconds = seconds + carry
        self.nanoseconds = remainder
    }

    /// An instant from milliseconds since the epoch, the resolution of the services' log times.
    public init(unixMilliseconds: Int) {
        let (seconds, milliseconds) = Self.floorDivide(unixMilliseconds, 1000)
        self.init(seconds: seconds, nanoseconds: milliseconds * 1_000_000)
    }

    /// Orders instants on the time line.
    public static func < (lhs: UnixInstant, rhs: UnixInstant) -> Bool {
        (lhs.seconds, lhs.nanoseconds) < (rhs.seconds, rhs.nanoseconds)
    }

    /// Division that rounds towards negative infinity, so the remainder is never negative.
    static func floorDivide(_ value: Int, _ divisor: Int) -> (quotient: Int, remainder: Int) {
        let remainder = value % divisor
        return remainder < 0 ? (value / divisor - 1, remainder + divisor) : (value / divisor, remainder)
    }
}
