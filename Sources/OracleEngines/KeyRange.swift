/// An inclusive range of keys, start ≤ end.
public struct KeyRange: Sendable, Hashable, CustomStringConvertible {
    /// First key.
    public let start: KeyValue
    /// Last key (inclusive).
    public let end: KeyValue

    /// A range; throws when start > end.
    public init(start: KeyValue, end: KeyValue) throws(KeyRangeParseError) {
        guard start <= end else { throw .startAfterEnd(start: start, end: end) }
        self.init(unchecked: start, end: end)
    }

    init(unchecked start: KeyValue, end: KeyValue) {
        self.start = start
        self.end = end
    }

    /// Number of keys in the range.
    public var count: KeyValue { end - start + 1 }

    /// "0xSTART-0xEND", the form `parse` reads.
    public var description: String { "\(start.hex)-\(end.hex)" }
}
