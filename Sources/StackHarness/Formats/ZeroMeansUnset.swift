import Foundation

/// A setting Docker writes as Go's zero value when it is unset (0 for "the engine's default", the year-1 time for
/// "never"), read as nil through `Optional`'s ``DockerDefaultable`` conformance.
package protocol ZeroMeansUnset {
    /// Reads the setting; nil when it holds the zero value.
    static func unlessZero(from decoder: any Decoder) throws -> Self?
}

/// A count such as a health check's retries.
extension Int: ZeroMeansUnset {
    /// The count, nil when 0 (or less).
    package static func unlessZero(from decoder: any Decoder) throws -> Int? {
        let count = try Int(from: decoder)
        return count > 0 ? count : nil
    }
}

/// A duration in integer nanoseconds, such as a health check's interval.
extension Duration: ZeroMeansUnset {
    /// The duration, nil when 0 (or less).
    package static func unlessZero(from decoder: any Decoder) throws -> Duration? {
        let nanoseconds = try Int64(from: decoder)
        return nanoseconds > 0 ? .nanoseconds(nanoseconds) : nil
    }
}

/// A time in RFC 3339 with nanoseconds, such as when a container started.
extension Date: ZeroMeansUnset {
    /// The time, nil when empty or Go's zero time; throws when it is not RFC 3339.
    package static func unlessZero(from decoder: any Decoder) throws -> Date? {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard !text.isEmpty else { return nil }
        guard RFC3339Nano.date(from: text) != nil else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an RFC 3339 time: \(text)")
        }
        return RFC3339Nano.optionalDate(from: text)
    }
}
