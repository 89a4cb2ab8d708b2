/// Durations as the requirement catalogue writes its limits.
extension Duration {
    /// The duration as a limit is written: "2 s", "0.5 s".
    package var limitText: String { "\(inSeconds.compactText) s" }
}
