/// A value read from a command's output, together with the run that produced it (for timing and failure reports).
@dynamicMemberLookup
public struct CommandOutput<Value: Sendable>: Sendable {
    /// What the output said, decoded.
    public let value: Value
    /// The run that printed it.
    public let result: CommandResult

    /// Pairs a decoded value with its run.
    public init(value: Value, result: CommandResult) {
        self.value = value
        self.result = result
    }

    /// Reads a property of the value directly: `output.services` for `output.value.services`.
    public subscript<Property>(dynamicMember keyPath: KeyPath<Value, Property>) -> Property {
        value[keyPath: keyPath]
    }
}
