extension KeyValue: Comparable, ExpressibleByIntegerLiteral {
    /// A value from an integer literal.
    public init(integerLiteral value: UInt64) {
        self.init(value)
    }

    /// Compares from the most significant limb down.
    public static func < (lhs: KeyValue, rhs: KeyValue) -> Bool {
        for index in stride(from: 3, through: 0, by: -1) where lhs.limbs[index] != rhs.limbs[index] {
            return lhs.limbs[index] < rhs.limbs[index]
        }
        return false
    }

    /// The sum; traps on overflow past 256 bits, like Swift's integers.
    public static func + (lhs: KeyValue, rhs: KeyValue) -> KeyValue {
        var result = SIMD4<UInt64>(repeating: 0)
        var carry: UInt64 = 0
        for index in 0..<4 {
            let (partial, overflowA) = lhs.limbs[index].addingReportingOverflow(rhs.limbs[index])
            let (sum, overflowB) = partial.addingReportingOverflow(carry)
            result[index] = sum
            carry = overflowA || overflowB ? 1 : 0
        }
        precondition(carry == 0, "KeyValue addition overflowed 256 bits")
        return KeyValue(limbs: result)
    }

    /// The difference; traps when rhs > lhs, like Swift's unsigned integers.
    public static func - (lhs: KeyValue, rhs: KeyValue) -> KeyValue {
        var result = SIMD4<UInt64>(repeating: 0)
        var borrow: UInt64 = 0
        for index in 0..<4 {
            let (partial, underflowA) = lhs.limbs[index].subtractingReportingOverflow(rhs.limbs[index])
            let (difference, underflowB) = partial.subtractingReportingOverflow(borrow)
            result[index] = difference
            borrow = underflowA || underflowB ? 1 : 0
        }
        precondition(borrow == 0, "KeyValue subtraction went below zero")
        return KeyValue(limbs: result)
    }

    /// Shifts left, dropping bits past 256.
    public static func << (lhs: KeyValue, shift: Int) -> KeyValue {
        guard shift > 0 else { return shift == 0 ? lhs : lhs >> -shift }
        var result = SIMD4<UInt64>(repeating: 0)
        let limbShift = shift / 64
        let bitShift = UInt64(shift % 64)
        for index in stride(from: 3, through: limbShift, by: -1) {
            let source = index - limbShift
            result[index] = lhs.limbs[source] << bitShift
            if bitShift > 0, source > 0 {
                result[index] |= lhs.limbs[source - 1] >> (64 - bitShift)
            }
        }
        return KeyValue(limbs: result)
    }

    /// Shifts right, filling with zeros.
    public static func >> (lhs: KeyValue, shift: Int) -> KeyValue {
        guard shift > 0 else { return shift == 0 ? lhs : lhs << -shift }
        var result = SIMD4<UInt64>(repeating: 0)
        let limbShift = shift / 64
        let bitShift = UInt64(shift % 64)
        for index in 0..<max(0, 4 - limbShift) {
            let source = index + limbShift
            result[index] = lhs.limbs[source] >> bitShift
            if bitShift > 0, source < 3 {
                result[index] |= lhs.limbs[source + 1] << (64 - bitShift)
            }
        }
        return KeyValue(limbs: result)
    }
}
