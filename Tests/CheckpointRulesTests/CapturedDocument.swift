import Foundation
import StackHarness

/// A captured engine document, and copies of it with one part changed or removed: the broken variants that
/// show a rule fails for the reason it names, not by accident.
struct CapturedDocument {
    /// The document as captured.
    let json: JSONValue

    /// Reads fixtures/engine-samples/<name>.
    init(_ name: String) throws {
        json = try JSONValue(data: EngineSample.data(name))
    }

    /// The document with the value at `path` (object keys) replaced by `value`, or removed when `value` is nil.
    func with(_ path: [String], _ value: JSONValue?) -> JSONValue {
        Self.replace(in: json, at: path[...], with: value)
    }

    private static func replace(in document: JSONValue, at path: ArraySlice<String>, with value: JSONValue?) -> JSONValue {
        guard let key = path.first, case .object(var object) = document else { return value ?? .null }
        if path.count == 1 {
            object[key] = value
        } else {
            object[key] = replace(in: object[key] ?? .object([:]), at: path.dropFirst(), with: value)
        }
        return .object(object)
    }
}
