import Foundation

/// The content of report.json: when, on which engine, and every measurement.
struct ReportDocument: Codable, Sendable {
    /// When this version of the report was written.
    var generatedAt: Date
    /// The engine and Compose the measurements ran against, when known.
    var engine: EngineInfo?
    /// How many measurements passed.
    var passed: Int
    /// How many failed.
    var failed: Int
    /// Every measurement, ordered by ID then subject.
    var measurements: [Measurement]

    /// An encoder writing stable, readable JSON with RFC 3339 dates.
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(RFC3339Nano.string(from: date))
        }
        return encoder
    }()

    /// A decoder reading what `encoder` wrote.
    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = RFC3339Nano.date(from: text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an RFC 3339 time: \(text)")
            }
            return date
        }
        return decoder
    }()
}
