/// Durations as plain numbers, for reports and arithmetic with limits.
extension Duration {
    /// The duration in seconds, with its sub-second part.
    package var inSeconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }

    /// The duration in whole nanoseconds (rounded toward zero).
    package var inNanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }

    /// The duration as a limit is written: "2 s", "0.5 s".
    package var limitText: String { "\(inSeconds.compactText) s" }

    /// The duration as a measurement is written, to the millisecond: "3.512 s".
    package var secondsText: String { "\(inSeconds.formatted(fractionDigits: 3)) s" }
}
