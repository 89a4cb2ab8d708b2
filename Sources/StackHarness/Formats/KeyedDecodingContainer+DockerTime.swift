import Foundation

/// Docker timestamps inside JSON: RFC 3339 with nanoseconds, or the zero time for "never".
extension KeyedDecodingContainer {
    /// Decodes a Docker timestamp; `nil` when the key is missing, empty or holds the zero time.
    func decodeDockerTime(forKey key: Key) throws -> Date? {
        guard let text = try decodeIfPresent(String.self, forKey: key), !text.isEmpty else { return nil }
        guard let date = RFC3339Nano.date(from: text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "not an RFC 3339 time: \(text)")
        }
        return RFC3339Nano.optionalDate(from: text) == nil ? nil : date
    }
}
