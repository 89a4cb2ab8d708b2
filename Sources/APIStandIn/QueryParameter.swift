/// A route's query parameter read strictly: percent-decoded into valid UTF-8 and sent at most once, or refused with
/// 400 naming it. Hummingbird's own reading keeps a value it cannot decode as it came and repairs invalid UTF-8, so a
/// mangled value would reach the Oracle as if it were meant.
enum QueryParameter {
    /// The decoded value of `name` in `query` (a URI's, without `?`); nil when it is absent. Other parameters are ignored.
    static func value(_ name: String, in query: String?) throws(RequestError) -> String? {
        let raw = (query ?? "").split(separator: "&", omittingEmptySubsequences: true).compactMap { pair -> Substring? in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return parts[0] == name ? (parts.count > 1 ? parts[1] : "") : nil
        }
        guard raw.count <= 1 else { throw .badRequest("\(name): sent \(raw.count) times; expected at most one", field: name) }
        guard let value = raw.first else { return nil }
        guard let decoded = decode(value) else {
            throw .badRequest("\(name): not percent-encoded UTF-8", field: name)
        }
        return decoded
    }

    /// `text` with each `%XX` replaced by its byte; nil when an escape is not two hex digits or the bytes are not UTF-8.
    private static func decode(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    /// The value of hex digit `byte`, nil when it is not one.
    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
