import Foundation

/// Durations as plain numbers and as the text reports and failure messages show, for every target that runs or
/// measures processes (the harness, the benchmark, the tests).
extension Duration {
    /// The duration in seconds, with its sub-second part.
    package var inSeconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }

    /// The duration in milliseconds, with its fraction.
    package var inMilliseconds: Double { inSeconds * 1000 }

    /// The duration in whole nanoseconds (rounded toward zero).
    package var inNanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }

    /// The duration as a measurement is written, to the millisecond: "3.512 s".
    package var secondsText: String { String(format: "%.3f s", inSeconds) }
}
