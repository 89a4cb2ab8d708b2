extension UnixInstant {
    /// The instant as RFC 3339 in UTC, `YYYY-MM-DDTHH:MM:SS.fffZ`, with `precision`'s fraction digits (truncated).
    public func rfc3339(_ precision: RFC3339Precision) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(30)
        appendRFC3339(precision, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends ``rfc3339(_:)``'s text as UTF-8, for encoders that build a line without intermediate strings.
    public func appendRFC3339(_ precision: RFC3339Precision, to bytes: inout [UInt8]) {
        let (days, secondOfDay) = Self.floorDivide(seconds, 86_400)
        let date = CivilDate(daysSinceUnixEpoch: days)
        Self.appendDigits(date.year, count: 4, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        Self.appendDigits(date.month, count: 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        Self.appendDigits(date.day, count: 2, to: &bytes)
        bytes.append(UInt8(ascii: "T"))
        Self.appendDigits(secondOfDay / 3600, count: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        Self.appendDigits(secondOfDay / 60 % 60, count: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        Self.appendDigits(secondOfDay % 60, count: 2, to: &bytes)
        bytes.append(UInt8(ascii: "."))
        var fraction = nanoseconds
        for _ in precision.rawValue..<9 { fraction /= 10 }
        Self.appendDigits(fraction, count: precision.rawValue, to: &bytes)
        bytes.append(UInt8(ascii: "Z"))
    }

    /// Appends the last `count` decimal digits of a non-negative `value`, zero-padded.
    private static func appendDigits(_ value: Int, count: Int, to bytes: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<count { divisor *= 10 }
        var remaining = value
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(remaining / divisor % 10))
            remaining %= divisor
            divisor /= 10
        }
    }
}
