/// Reads fixed-width ASCII fields from the front of a date-time text.
struct ISO8601Scanner {
    private let bytes: [UInt8]
    private var position = 0

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    var isAtEnd: Bool { position == bytes.count }

    /// Reads exactly `count` ASCII digits as a number.
    mutating func number(digits count: Int) -> Int? {
        guard position + count <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[position..<position + count] {
            guard let digit = Self.digitValue(byte) else { return nil }
            value = value * 10 + digit
        }
        position += count
        return value
    }

    /// Consumes one of the given characters and returns it, or nil when another comes next.
    mutating func character(oneOf choices: String) -> Character? {
        guard position < bytes.count, choices.utf8.contains(bytes[position]) else { return nil }
        defer { position += 1 }
        return Character(Unicode.Scalar(bytes[position]))
    }

    /// Consumes a run of digits and reports how many there were.
    mutating func skipDigits() -> Int {
        let start = position
        while position < bytes.count, Self.digitValue(bytes[position]) != nil {
            position += 1
        }
        return position - start
    }

    private static func digitValue(_ byte: UInt8) -> Int? {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? Int(byte - UInt8(ascii: "0")) : nil
    }
}
