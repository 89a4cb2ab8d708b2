/// One log record encoded as a single line of JSON terminated by "\n", ready to hand to write(2).
///
/// Field order is fixed: `time`, `level`, `message`, `label`, `source`, `error` (only when the call passed one),
/// then metadata keys in sorted order. The collision rule: metadata never overwrites those fields. A metadata key
/// equal to one of ``LogLineKey/reserved`` gets ``clashPrefix`` put in front, again until the name is taken by no
/// other metadata key, so `message` becomes `meta_message` (or `meta_meta_message` when `meta_message` is also
/// there). Nested dictionaries and arrays become JSON objects and arrays. Strings are escaped per RFC 8259
/// (quote, backslash, every control character), non-ASCII text stays UTF-8, so the line is always valid JSON and
/// never contains a raw newline.
public struct EncodedLogLine: Sendable {
    /// Put in front of a metadata key that clashes with a reserved key.
    public static let clashPrefix = "meta_"

    /// The UTF-8 bytes of the line, newline included.
    public internal(set) var bytes: [UInt8] = []

    /// Encodes one record; `time` is written as RFC 3339 UTC with milliseconds.
    public init(
        time: UnixInstant,
        level: String,
        message: String,
        label: String,
        source: String,
        error: String? = nil,
        metadata: [String: LogMetadataValue] = [:]
    ) {
        bytes.reserveCapacity(128 + message.utf8.count)
        appendKey(.time, first: true)
        bytes.append(UInt8(ascii: "\""))
        time.appendRFC3339(.milliseconds, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
        appendKey(.level)
        appendString(level)
        appendKey(.message)
        appendString(message)
        appendKey(.label)
        appendString(label)
        appendKey(.source)
        appendString(source)
        if let error {
            appendKey(.error)
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
    static func fieldName(for key: String, among metadata: [String: LogMetadataValue]) -> String {
        guard LogLineKey.reserved.contains(key) else { return key }
        var name = clashPrefix + key
        while metadata[name] != nil {
            name = clashPrefix + name
        }
        return name
    }

    /// Appends `{"key":` for the first field, `,"key":` for the others.
    private mutating func appendKey(_ key: LogLineKey, first: Bool = false) {
        bytes.append(UInt8(ascii: first ? "{" : ","))
        appendString(key.rawValue)
        bytes.append(UInt8(ascii: ":"))
    }

    /// Appends a metadata value: strings as JSON strings, dictionaries (sorted keys) and arrays recursively.
    private mutating func appendValue(_ value: LogMetadataValue) {
        switch value {
        case .string(let string):
            appendString(string)
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
}
