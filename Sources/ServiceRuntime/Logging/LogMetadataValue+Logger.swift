import LogTimeFormat
import Logging

extension LogMetadataValue {
    /// The encoder's form of a swift-log value: `stringConvertible` becomes its description, nesting is kept.
    init(_ value: Logger.Metadata.Value) {
        switch value {
        case .string(let string): self = .string(string)
        case .stringConvertible(let convertible): self = .string(convertible.description)
        case .array(let array): self = .array(array.map(LogMetadataValue.init))
        case .dictionary(let dictionary): self = .dictionary(dictionary.mapValues(LogMetadataValue.init))
        }
    }
}
