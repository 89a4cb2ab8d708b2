import Foundation

/// One figure of a benchmark run, as printed and as written to `--json`.
struct BenchmarkFigure: Sendable, Codable, Equatable {
    /// A stable name for files and comparisons, e.g. "get_reading_cpu_per_call_us".
    let key: String
    /// What it is, for people.
    let label: String
    /// The value, in `unit`; NaN when it could not be measured (written as null).
    let value: Double
    /// "µs", "ms", "calls/s", "MiB", ….
    let unit: String
    /// The goal it is read against, or "".
    let goal: String

    private enum CodingKeys: String, CodingKey { case key, label, value, unit, goal }

    /// A figure; `goal` may be empty.
    init(_ key: String, _ label: String, _ value: Double, _ unit: String, goal: String = "") {
        self.key = key
        self.label = label
        self.value = value
        self.unit = unit
        self.goal = goal
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        key = try container.decode(String.self, forKey: .key)
        label = try container.decode(String.self, forKey: .label)
        value = try container.decodeIfPresent(Double.self, forKey: .value) ?? .nan
        unit = try container.decode(String.self, forKey: .unit)
        goal = try container.decodeIfPresent(String.self, forKey: .goal) ?? ""
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(key, forKey: .key)
        try container.encode(label, forKey: .label)
        // JSON has no NaN: an unmeasured figure is null.
        if value.isFinite { try container.encode(value, forKey: .value) } else { try container.encodeNil(forKey: .value) }
        try container.encode(unit, forKey: .unit)
        try container.encode(goal, forKey: .goal)
    }

    /// The value with three decimals below 100 and none above, then the unit.
    var valueText: String {
        guard value.isFinite else { return "not measured" }
        return (value >= 100 ? String(format: "%.0f", value) : String(format: "%.3f", value)) + " " + unit
    }
}
