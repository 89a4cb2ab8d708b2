import Foundation

/// A type a ``DockerDefault`` field can hold: what a missing or null field means, and how a present one reads.
package protocol DockerDefaultable {
    /// The value of a missing or null field.
    static var dockerDefault: Self { get }

    /// Reads a present, non-null field.
    init(dockerField decoder: any Decoder) throws
}

/// Most fields hold their value as JSON writes it.
extension DockerDefaultable where Self: Decodable {
    /// Reads the value itself.
    package init(dockerField decoder: any Decoder) throws {
        try self.init(from: decoder)
    }
}

/// A list Go left nil: empty.
extension Array: DockerDefaultable where Element: Decodable {
    /// No elements.
    package static var dockerDefault: Self { [] }
}

/// A map Go left nil: empty.
extension Dictionary: DockerDefaultable where Key == String, Value: Decodable {
    /// No entries.
    package static var dockerDefault: Self { [:] }
}

/// A string Go left out: empty.
extension String: DockerDefaultable {
    /// "".
    package static var dockerDefault: Self { "" }
}

/// A count Go left out: 0.
extension Int: DockerDefaultable {
    /// 0.
    package static var dockerDefault: Self { 0 }
}

/// A byte count Go left out: 0.
extension Int64: DockerDefaultable {
    /// 0.
    package static var dockerDefault: Self { 0 }
}

/// A flag Go left out: false.
extension Bool: DockerDefaultable {
    /// false.
    package static var dockerDefault: Self { false }
}

/// A setting that may be unset: nil when missing, null, or Go's zero value for it.
extension Optional: DockerDefaultable where Wrapped: ZeroMeansUnset {
    /// Unset.
    package static var dockerDefault: Self { nil }

    /// Reads the setting, nil when it holds its zero value.
    package init(dockerField decoder: any Decoder) throws {
        self = try Wrapped.unlessZero(from: decoder)
    }
}
