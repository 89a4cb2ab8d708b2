import Foundation

/// Docker's and Compose's JSON, whose keys are Go's exported field names ("StartedAt", "OOMKilled", "Id"): its
/// decoder reads each key as the Swift property name, so the document types synthesize their `Decodable`.
package enum DockerJSON {
    /// A decoder for Docker's documents; a plain `JSONDecoder` would miss every key of them.
    package static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .custom { path in PropertyKey(propertyName(forKey: path.last?.stringValue ?? "")) }
        return decoder
    }

    /// The property name for a key: its leading capitals lower-cased ("StartedAt" → startedAt, "ID" → id), all but
    /// the last when a word follows them ("OOMKilled" → oomKilled).
    static func propertyName(forKey key: String) -> String {
        let capitals = key.prefix { $0.isUppercase }
        let lowered = capitals.count > 1 && capitals.count < key.count ? capitals.dropLast() : capitals
        return lowered.lowercased() + key.dropFirst(lowered.count)
    }

    /// Decodes what an inspect `command` printed (a JSON array) about exactly one `object` ("container", "image").
    static func decodeOnly<Document: Decodable>(_ type: Document.Type, from data: Data, command: String, object: String) throws -> Document {
        let all = try decoder().decode([Document].self, from: data)
        guard all.count == 1, let only = all.first else {
            throw HarnessError.undecodable(what: "\(command) output", reason: "expected one \(object), found \(all.count)")
        }
        return only
    }

    /// A key as the decoding strategy hands it on.
    private struct PropertyKey: CodingKey {
        /// The property name.
        let stringValue: String

        /// Wraps a property name.
        init(_ name: String) {
            stringValue = name
        }

        /// Wraps a property name (`CodingKey`'s form, which never fails here).
        init?(stringValue: String) {
            self.init(stringValue)
        }

        /// Docker's documents have no integer keys.
        var intValue: Int? { nil }

        /// Docker's documents have no integer keys.
        init?(intValue: Int) {
            nil
        }
    }
}
