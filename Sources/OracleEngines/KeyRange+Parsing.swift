extension KeyRange {
    /// Parses "0xSTART-0xEND" (hex of either case, no spaces); throws naming what is wrong.
    public static func parse(_ text: String) throws(KeyRangeParseError) -> KeyRange {
        guard !text.isEmpty else { throw .empty }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 else { throw .wrongPartCount(input: text, parts: parts.count) }
        var bounds: [KeyValue] = []
        for part in parts {
            guard part.lowercased().hasPrefix("0x") else { throw .missingHexPrefix(input: text, bound: part) }
            guard let value = KeyValue(hex: part) else { throw .invalidHex(input: text, bound: part) }
            bounds.append(value)
        }
        return try KeyRange(start: bounds[0], end: bounds[1])
    }
}
