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
        let (sum, overflow) = limbwise(lhs, rhs, UInt64.addingReportingOverflow)
        precondition(!overflow, "KeyValue addition overflowed 256 bits")
        return sum
    }

    /// The difference; traps when rhs > lhs, like Swift's unsigned integers.
    public static func - (lhs: KeyValue, rhs: KeyValue) -> KeyValue {
        let (difference, underflow) = limbwise(lhs, rhs, UInt64.subtractingReportingOverflow)
        precondition(!underflow, "KeyValue subtraction went below zero")
        return difference
    }

    /// Applies `operation` (adding or subtracting with overflow) limb by limb from the least significant, carrying
    /// (or borrowing) 1 into the next limb; also says whether the most significant limb carried out.
    private static func limbwise(
        _ lhs: KeyValue,
        _ rhs: KeyValue,
        _ operation: (UInt64) -> (UInt64) -> (partialValue: UInt64, overflow: Bool)
    ) -> (result: KeyValue, carriedOut: Bool) {
        var result = SIMD4<UInt64>(repeating: 0)
        var carry: UInt64 = 0
        for index in 0..<4 {
            let (partial, overflowA) = operation(lhs.limbs[index])(rhs.limbs[index])
            let (value, overflowB) = operation(partial)(carry)
            result[index] = value
            carry = overflowA || overflowB ? 1 : 0
        }
        return (KeyValue(limbs: result), carry != 0)
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
