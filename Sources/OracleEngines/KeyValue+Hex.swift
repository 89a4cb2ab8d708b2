extension KeyValue: CustomStringConvertible {
    /// Parses "0x" (or "0X") followed by hex digits of either case; nil for anything else or over 256 bits.
    public init?(hex text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count > 2, bytes[0] == UInt8(ascii: "0"), bytes[1] | 0x20 == UInt8(ascii: "x") else {
            return nil
        }
        var value = KeyValue.zero
        for byte in bytes.dropFirst(2) {
            guard let nibble = KeyValue.nibble(byte), value.limbs[3] >> 60 == 0 else { return nil }
            value = value << 4
            value.limbs[0] |= UInt64(nibble)
        }
        self = value
    }

    /// Lowercase hex with "0x" and no leading zeros ("0x0" for zero).
    public var hex: String {
        let significantDigits = max(1, (significantBitCount + 3) / 4)
        let digits = (0..<significantDigits).reversed().map { position in
            let limb = limbs[position / 16] >> UInt64(position % 16 * 4)
            return KeyValue.hexDigits[Int(limb & 0xF)]
        }
        return "0x" + String(digits)
    }

    /// Same as `hex`.
    public var description: String { hex }

    private static let hexDigits = Array("0123456789abcdef")

    private static func nibble(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
