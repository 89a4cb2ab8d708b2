import Foundation

/// Compose and Docker write durations the Go way ("1m30s", "10s", "500ms") or as integer nanoseconds.
extension Duration {
    /// Parses a Go duration ("1h2m3.5s", "500ms", "250us", "10ns") or a bare integer taken as nanoseconds; `nil` if neither.
    package init?(goDuration text: String) {
        let text = text.trimmingCharacters(in: .whitespaces)
        if let nanoseconds = Int64(text) {
            self = .nanoseconds(nanoseconds)
            return
        }
        var remaining = Substring(text)
        var total = Duration.zero
        guard !remaining.isEmpty else { return nil }
        while !remaining.isEmpty {
            let number = remaining.prefix { $0.isNumber || $0 == "." }
            remaining = remaining.dropFirst(number.count)
            let unit = remaining.prefix { !($0.isNumber || $0 == ".") }
            remaining = remaining.dropFirst(unit.count)
            guard let amount = Double(number), let scale = Self.goUnits[String(unit)] else { return nil }
            // Whole and fractional parts are scaled apart so "1m30s"-style values stay exact.
            let whole = amount.rounded(.towardZero)
            total += scale * Int(whole) + scale * (amount - whole)
        }
        self = total
    }

    // The unit suffixes Go's time.ParseDuration accepts.
    private static let goUnits: [String: Duration] = [
        "ns": .nanoseconds(1),
        "us": .microseconds(1),
        "µs": .microseconds(1),
        "μs": .microseconds(1),
        "ms": .milliseconds(1),
        "s": .seconds(1),
        "m": .seconds(60),
        "h": .seconds(3600),
    ]
}
