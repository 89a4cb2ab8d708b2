import GRPCCore

/// Sends and receives messages as the bytes they are, so a probe can send what no generated stub would encode.
struct RawMessageCodec: MessageSerializer, MessageDeserializer {
    /// The bytes, unchanged.
    func serialize<Bytes: GRPCContiguousBytes>(_ message: [UInt8]) throws -> Bytes {
        Bytes(message)
    }

    /// The bytes, unchanged.
    func deserialize<Bytes: GRPCContiguousBytes>(_ serializedMessageBytes: Bytes) throws -> [UInt8] {
        serializedMessageBytes.withUnsafeBytes { Array($0) }
    }
}
