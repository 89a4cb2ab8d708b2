/// A field of Docker's JSON that may be missing or null: the engine is written in Go, which writes an empty slice or
/// map as null and leaves out unset fields. Both read as the type's `dockerDefault` ([], [:], "", 0, false, nil).
@propertyWrapper
package struct DockerDefault<Value: DockerDefaultable> {
    /// The field's value.
    package var wrappedValue: Value

    /// Holds a value set in code rather than decoded.
    package init(wrappedValue: Value) {
        self.wrappedValue = wrappedValue
    }
}

/// A present field reads as the type says; a missing or null one never gets here (see `KeyedDecodingContainer`).
extension DockerDefault: Decodable {
    /// Reads a present, non-null field.
    package init(from decoder: any Decoder) throws {
        wrappedValue = try Value(dockerField: decoder)
    }
}

/// Wrapped values compare as the values do.
extension DockerDefault: Equatable where Value: Equatable {}

/// Wrapped values hash as the values do.
extension DockerDefault: Hashable where Value: Hashable {}

/// Wrapped values cross tasks as the values do.
extension DockerDefault: Sendable where Value: Sendable {}
