import Foundation

/// Lenient reading of a JSON tree: a missing key, a wrong index or a wrong kind gives `nil`, not an error.
extension JSONValue {
    /// The member `key` of an object; `nil` for other kinds or a missing key.
    package subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members[key]
    }

    /// The element at `index` of an array; `nil` for other kinds or an index out of range.
    package subscript(index: Int) -> JSONValue? {
        guard case .array(let elements) = self, elements.indices.contains(index) else { return nil }
        return elements[index]
    }

    /// The string, if this is a string.
    package var string: String? {
        guard case .string(let value) = self else { return nil }
        return value
    }

    /// The number, if this is a number or a string holding one (Compose writes some numbers as strings).
    package var double: Double? {
        switch self {
        case .number(let value): value
        case .string(let text): Double(text.trimmingCharacters(in: .whitespaces))
        default: nil
        }
    }

    /// The number as an integer, if it is a whole number or a string holding one.
    package var int64: Int64? {
        if case .string(let text) = self, let value = Int64(text.trimmingCharacters(in: .whitespaces)) { return value }
        guard let value = double, value.rounded() == value, abs(value) < 9.2e18 else { return nil }
        return Int64(value)
    }

    /// The Boolean, if this is one.
    package var bool: Bool? {
        guard case .bool(let value) = self else { return nil }
        return value
    }

    /// The elements, if this is an array.
    package var array: [JSONValue]? {
        guard case .array(let elements) = self else { return nil }
        return elements
    }

    /// The members, if this is an object.
    package var object: [String: JSONValue]? {
        guard case .object(let members) = self else { return nil }
        return members
    }

    /// True for `null`.
    package var isNull: Bool { self == .null }

    /// The value of a string, number or Boolean as text (numbers without a needless ".0"); `nil` for other kinds.
    package var scalarText: String? {
        switch self {
        case .string(let value): value
        case .number(let value): value.compactText
        case .bool(let value): String(value)
        default: nil
        }
    }
}
