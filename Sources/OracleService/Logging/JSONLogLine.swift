import Logging

/// One log record encoded as a single line of JSON terminated by "\n", ready to hand to write(2).
///
/// Field order is fixed: `time`, `level`, `message`, `label`, `source`, `error` (only when the call passed one),
/// then metadata keys merged in sorted order. Metadata never overwrites those fields: a metadata key equal to one
/// of ``reservedKeys`` gets ``clashPrefix`` put in front (again, until it is unique), so `message` becomes
/// `meta_message`. Nested dictionaries and arrays become JSON objects and arrays. Strings are escaped per
/// RFC 8259 (quote, backslash, every control character), non-ASCII text stays as UTF-8, so the line is always
/// valid JSON and never contains a raw newline.
struct JSONLogLine {
    /// Keys the encoder writes itself and that metadata therefore cannot take.
    static let reservedKeys: Set<String> = ["time", "level", "message", "label", "source", "error"]
    /// Put in front of a clashing metadata key.
    static let clashPrefix = "meta_"

    /// The UTF-8 bytes of the line, newline included.
    private(set) var bytes: [UInt8] = []

    /// Encodes one record; `unixMilliseconds` is rendered as ISO 8601 UTC with milliseconds.
    init(
        unixMilliseconds: Int64,
        level: Logger.Level,
        message: String,
        label: String,
        source: String,
        error: String? = nil,
        metadata: Logger.Metadata = [:]
    ) {
        bytes.reserveCapacity(128 + message.utf8.count)
        appendASCII("{\"time\":\"")
        appendTimestamp(unixMilliseconds)
        appendASCII("\",\"level\":")
        appendString(level.rawValue)
        appendASCII(",\"message\":")
        appendString(message)
        appendASCII(",\"label\":")
        appendString(label)
        appendASCII(",\"source\":")
        appendString(source)
        if let error {
            appendASCII(",\"error\":")
            appendString(error)
        }
        for key in metadata.keys.sorted() {
            bytes.append(UInt8(ascii: ","))
            appendString(Self.fieldName(for: key, among: metadata))
            bytes.append(UInt8(ascii: ":"))
            appendValue(metadata[key]!)
        }
        appendASCII("}\n")
    }

    /// The top-level name for metadata `key`: itself, or prefixed until it clashes with nothing.
    private static func fieldName(for key: String, among metadata: Logger.Metadata) -> String {
        guard reservedKeys.contains(key) else { return key }
        var name = clashPrefix + key
        while metadata[name] != nil {
            name = clashPrefix + name
        }
        return name
    }

    /// Appends a metadata value: strings as JSON strings, dictionaries (sorted keys) and arrays recursively.
    private mutating func appendValue(_ value: Logger.Metadata.Value) {
        switch value {
        case .string(let string):
            appendString(string)
        case .stringConvertible(let convertible):
            appendString(convertible.description)
        case .dictionary(let dictionary):
            bytes.append(UInt8(ascii: "{"))
            for (index, key) in dictionary.keys.sorted().enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                appendString(key)
                bytes.append(UInt8(ascii: ":"))
                appendValue(dictionary[key]!)
            }
            bytes.append(UInt8(ascii: "}"))
        case .array(let array):
            bytes.append(UInt8(ascii: "["))
            for (index, element) in array.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                appendValue(element)
            }
            bytes.append(UInt8(ascii: "]"))
        }
    }

    /// Appends `string` as a quoted JSON string; Swift strings are always valid UTF-8, so only escaping is needed.
    private mutating func appendString(_ string: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): appendASCII("\\\"")
            case UInt8(ascii: "\\"): appendASCII("\\\\")
            case UInt8(ascii: "\n"): appendASCII("\\n")
            case UInt8(ascii: "\r"): appendASCII("\\r")
            case UInt8(ascii: "\t"): appendASCII("\\t")
            case 0x08: appendASCII("\\b")
            case 0x0C: appendASCII("\\f")
            case 0x00..<0x20:
                appendASCII("\\u00")
                bytes.append(Self.hexDigits[Int(byte >> 4)])
                bytes.append(Self.hexDigits[Int(byte & 0x0F)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Lowercase hex digits for `\u00XX` escapes.
    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends `YYYY-MM-DDTHH:MM:SS.mmmZ` using the proleptic Gregorian calendar (no locale, no time zone lookup).
    private mutating func appendTimestamp(_ unixMilliseconds: Int64) {
        let (seconds, milliseconds) = Self.floorDivide(unixMilliseconds, 1000)
        let (days, secondOfDay) = Self.floorDivide(seconds, 86_400)
        let (year, month, day) = Self.civilDate(daysSinceEpoch: days)
        appendDigits(year, count: 4)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(month, count: 2)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(day, count: 2)
        bytes.append(UInt8(ascii: "T"))
        appendDigits(secondOfDay / 3600, count: 2)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(secondOfDay / 60 % 60, count: 2)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(secondOfDay % 60, count: 2)
        bytes.append(UInt8(ascii: "."))
        appendDigits(milliseconds, count: 3)
        bytes.append(UInt8(ascii: "Z"))
    }

    /// Howard Hinnant's days-from-civil inverse: maps days since 1970-01-01 to (year, month, day).
    private static func civilDate(daysSinceEpoch: Int64) -> (Int64, Int64, Int64) {
        let shifted = daysSinceEpoch + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Division that rounds towards negative infinity, so times before 1970 still get a non-negative remainder.
    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        let remainder = value % divisor
        return remainder < 0 ? (value / divisor - 1, remainder + divisor) : (value / divisor, remainder)
    }

    /// Appends the last `count` decimal digits of a non-negative `value`, zero-padded.
    private mutating func appendDigits(_ value: Int64, count: Int) {
        var divisor: Int64 = 1
        for _ in 1..<count { divisor *= 10 }
        var remaining = value
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(remaining / divisor % 10))
            remaining %= divisor
            divisor /= 10
        }
    }

    /// Appends literal JSON punctuation and escapes without building a String.
    private mutating func appendASCII(_ literal: StaticString) {
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }
}
