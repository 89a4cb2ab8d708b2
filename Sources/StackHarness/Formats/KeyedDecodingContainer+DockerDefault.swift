/// Where a missing or null Docker field becomes its default: synthesized `Decodable` calls `decode(_:forKey:)` for
/// every non-optional property, and this overload is the one it finds for ``DockerDefault`` properties.
extension KeyedDecodingContainer {
    /// The field's value, or the wrapped type's `dockerDefault` when the key is missing or holds null.
    package func decode<Value>(_ type: DockerDefault<Value>.Type, forKey key: Key) throws -> DockerDefault<Value> {
        try decodeIfPresent(type, forKey: key) ?? DockerDefault(wrappedValue: Value.dockerDefault)
    }
}
