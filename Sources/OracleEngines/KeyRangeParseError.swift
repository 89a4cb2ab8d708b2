/// Why a text is not a key range "0xSTART-0xEND".
public enum KeyRangeParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text is empty.
    case empty
    /// The text is not exactly two parts separated by one "-".
    case wrongPartCount(input: String, parts: Int)
    /// A bound lacks the "0x" prefix.
    case missingHexPrefix(input: String, bound: String)
    /// A bound has no digits, a non-hex character, or is wider than 256 bits.
    case invalidHex(input: String, bound: String)
    /// The start is above the end.
    case startAfterEnd(start: KeyValue, end: KeyValue)

    /// A sentence saying what is wrong, fit for an INVALID_ARGUMENT message.
    public var description: String {
        switch self {
        case .empty:
            "key range is empty; expected 0xSTART-0xEND"
        case let .wrongPartCount(input, parts):
            "key range '\(input)' has \(parts) part(s); expected exactly two, 0xSTART-0xEND"
        case let .missingHexPrefix(input, bound):
            "key range '\(input)': bound '\(bound)' lacks the 0x prefix"
        case let .invalidHex(input, bound):
            "key range '\(input)': bound '\(bound)' is not a hex number of at most 256 bits"
        case let .startAfterEnd(start, end):
            "key range start \(start.hex) is above its end \(end.hex)"
        }
    }
}
