/// A 256-bit unsigned integer, wide enough for 160-bit puzzle keys and their sums.
public struct KeyValue: Sendable, Hashable {
    /// The four 64-bit limbs, least significant first.
    var limbs: SIMD4<UInt64>

    /// A value from its limbs, least significant first.
    init(limbs: SIMD4<UInt64>) {
        self.limbs = limbs
    }

    /// Zero.
    public static let zero = KeyValue(0)

    /// Total width in bits.
    public static let bitWidth = 256

    /// A value from a machine word.
    public init(_ value: UInt64) {
        limbs = SIMD4(value, 0, 0, 0)
    }

    /// 2^exponent, for 0 ≤ exponent < 256.
    public static func powerOfTwo(_ exponent: Int) -> KeyValue {
        precondition((0..<bitWidth).contains(exponent), "2^\(exponent) does not fit in 256 bits")
        var limbs = SIMD4<UInt64>(repeating: 0)
        limbs[exponent / 64] = 1 << UInt64(exponent % 64)
        return KeyValue(limbs: limbs)
    }

    /// Number of significant bits (0 for zero).
    public var significantBitCount: Int {
        for index in stride(from: 3, through: 0, by: -1) where limbs[index] != 0 {
            return index * 64 + 64 - limbs[index].leadingZeroBitCount
        }
        return 0
    }
}
