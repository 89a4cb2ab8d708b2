extension KeyValue {
    /// A uniformly random value in a closed range, drawn from the injected generator.
    public static func random(
        in range: ClosedRange<KeyValue>,
        using generator: inout some RandomNumberGenerator
    ) -> KeyValue {
        let span = range.upperBound - range.lowerBound
        let bitCount = span.significantBitCount
        guard bitCount > 0 else { return range.lowerBound }
        // Rejection sampling over the span's bit width: fewer than two draws on average, no modulo bias.
        while true {
            var limbs = SIMD4<UInt64>(repeating: 0)
            for index in 0..<(bitCount + 63) / 64 {
                limbs[index] = generator.next()
            }
            let candidate = KeyValue(limbs: limbs) >> ((bitCount + 63) / 64 * 64 - bitCount)
            if candidate <= span {
                return range.lowerBound + candidate
            }
        }
    }
}
