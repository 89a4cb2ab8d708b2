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
    /// The stack's start and stop as the engine saw them, for report.html; absent in reports written before them.
    var timelines: [StackTimeline]?

    /// One requirement ID and its measurements, which all pass for the ID to pass.
    struct Requirement: Sendable {
        /// The requirement ID, e.g. "CP1.size".
        let id: String
        /// Its measurements, by subject.
        let measurements: [Measurement]
        /// Whether every measurement met its limit.
        var passed: Bool { measurements.allSatisfy { $0.verdict == .pass } }
    }

    /// The measurements grouped by requirement ID, in ID order.
    var requirements: [Requirement] {
        Dictionary(grouping: measurements, by: \.id)
            .map { Requirement(id: $0.key, measurements: $0.value.sorted { $0.subject < $1.subject }) }
            .sorted { $0.id < $1.id }
    }

    /// When the report was written and on which engine, CLI and Compose, in one line.
    var contextLine: String {
        var context = ["Generated \(RFC3339Nano.string(from: generatedAt))"]
        if let engine {
            context.append("engine \(engine.serverVersion) (API \(engine.apiVersion))")
            context.append("docker CLI \(engine.clientVersion)")
            context.append("Compose \(engine.composeVersion ?? "missing")")
        }
        return context.joined(separator: " · ")
    }

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
