import Foundation

/// Docker's output with one JSON value per line (`--format '{{json .}}'`).
enum JSONLines {
    /// Decodes every non-blank line as `Value` through ``DockerJSON``; a bad line fails the whole decode, naming its line number.
    static func decode<Value: Decodable>(_ type: Value.Type, from text: String) throws -> [Value] {
        let decoder = DockerJSON.decoder()
        return try text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { return nil }
            do {
                return try decoder.decode(Value.self, from: Data(trimmed.utf8))
            } catch {
                throw HarnessError.undecodable(what: "line \(index + 1) as \(Value.self)", reason: String(describing: error))
            }
        }
    }
}
