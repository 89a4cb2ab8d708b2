/// Durations as plain numbers, for figures and JSON.
extension Duration {
    /// Seconds as a number, fractions included.
    var inSeconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }

    /// Milliseconds as a number, fractions included.
    var milliseconds: Double {
        inSeconds * 1000
    }
}
