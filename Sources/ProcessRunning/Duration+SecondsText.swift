import Foundation

extension Duration {
    /// The duration in seconds with three fraction digits ("0.012"), for failure messages and transcripts.
    var secondsText: String { String(format: "%.3f", self / .seconds(1)) }
}
