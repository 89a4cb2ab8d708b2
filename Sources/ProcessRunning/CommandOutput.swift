/// A value read from a command's output, together with the run that produced it (for timing and failure reports).
@dynamicMemberLookup
package struct CommandOutput<Value: Sendable>: Sendable {
    /// What the output said, decoded.
    package let value: Value
    /// The run that printed it.
    package let result: CommandResult

    /// Pairs a decoded value with its run.
    package init(value: Value, result: CommandResult) {
        self.value = value
        self.result = result
    }

    /// Reads a property of the value directly: `output.services` for `output.value.services`.
    package subscript<Property>(dynamicMember keyPath: KeyPath<Value, Property>) -> Property {
        value[keyPath: keyPath]
    }
}
