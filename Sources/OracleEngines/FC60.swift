/// FC60 ("FrankenChron-60"): base-60 tokens for dates, times and day counts.
public enum FC60 {
    /// The token of 0 ≤ n < 60: the animal of n / 5 followed by the element of n % 5 (26 → SNFI).
    public static func token60(_ n: Int) -> String {
        precondition((0..<60).contains(n), "token60 takes 0..<60, got \(n)")
        return Animal.allCases[n / 5].token + Element.allCases[n % 5].token
    }

    /// A whole number as base-60 tokens, most significant first, joined by "-"; negatives get "NEG-".
    public static func encodeBase60(_ n: Int) -> String {
        var magnitude = n.magnitude
        var tokens: [String] = []
        repeat {
            tokens.append(token60(Int(magnitude % 60)))
            magnitude /= 60
        } while magnitude > 0
        let digits = tokens.reversed().joined(separator: "-")
        return n < 0 ? "NEG-" + digits : digits
    }

    /// The number written by `encodeBase60`, or nil when the text is not a valid encoding or overflows.
    public static func decodeBase60(_ text: String) -> Int? {
        let isNegative = text.hasPrefix("NEG-")
        let body = isNegative ? text.dropFirst(4) : Substring(text)
        var magnitude = 0
        for token in body.split(separator: "-", omittingEmptySubsequences: false) {
            guard let digit = tokenValues[String(token)] else { return nil }
            let (shifted, overflowed) = magnitude.multipliedReportingOverflow(by: 60)
            guard !overflowed else { return nil }
            let (sum, overflowedSum) = shifted.addingReportingOverflow(digit)
            guard !overflowedSum else { return nil }
            magnitude = sum
        }
        return isNegative ? -magnitude : magnitude
    }

    private static let tokenValues: [String: Int] = Dictionary(
        uniqueKeysWithValues: (0..<60).map { (token60($0), $0) }
    )
}
