/// What a measurement found: a number (a size, a time) or text (a status, a user name).
package enum MeasuredValue: Sendable, Hashable, Codable, CustomStringConvertible {
    /// A number.
    case number(Double)
    /// Text.
    case text(String)

    /// Decodes a JSON number or string.
    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else {
            self = .text(try container.decode(String.self))
        }
    }

    /// Encodes as a JSON number or string.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .number(let number): try container.encode(number)
        case .text(let text): try container.encode(text)
        }
    }

    /// The number with at most three fraction digits, or the text.
    package var description: String {
        switch self {
        case .number(let number): number.compactText
        case .text(let text): text
        }
    }
}
