import Foundation

extension Double {
    /// The number with exactly `fractionDigits` digits after the point, in the POSIX locale (no grouping).
    package func formatted(fractionDigits: Int) -> String {
        String(format: "%.\(fractionDigits)f", self)
    }

    /// The number with at most three fraction digits and no trailing zeros: 12, 0.5, 1.234.
    package var compactText: String {
        if rounded() == self, abs(self) < 1e15 { return String(Int64(self)) }
        var text = formatted(fractionDigits: 3)
        while text.hasSuffix("0") { text.removeLast() }
        // 6.0004 rounds to "6.000": no point without digits after it.
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
