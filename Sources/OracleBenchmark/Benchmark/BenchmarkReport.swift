import Foundation

/// A benchmark run's figures with the machine and date they were measured on: what `--json` writes, and what the
/// committed baseline (dev/benchmark-baseline.json) holds for the next run to compare with.
struct BenchmarkReport: Sendable, Codable, Equatable {
    /// The machine the figures come from.
    struct Machine: Sendable, Codable, Equatable {
        /// Cores the benchmark saw.
        var cores: Int
        /// /proc/cpuinfo's first "model name", or "unknown".
        var cpu: String
        /// The kernel's release (uname -r).
        var kernel: String
    }

    /// When the run ended, ISO 8601.
    var date: String
    /// Where it ran.
    var machine: Machine
    /// Length of each measured phase, in seconds.
    var phaseSeconds: Double
    /// The figures, in the order printed.
    var figures: [BenchmarkFigure]

    private enum CodingKeys: String, CodingKey {
        case date, machine, figures
        case phaseSeconds = "phase_seconds"
    }

    /// This machine, now.
    static func here(phaseSeconds: Double, figures: [BenchmarkFigure]) -> BenchmarkReport {
        BenchmarkReport(
            date: ISO8601DateFormatter().string(from: Date()),
            machine: Machine(cores: ProcessInfo.processInfo.activeProcessorCount, cpu: cpuModel(), kernel: kernelRelease()),
            phaseSeconds: phaseSeconds,
            figures: figures
        )
    }

    /// The figures as a table, with each one's ratio to the same figure of `baseline` when there is one
    /// (a ratio above 1 is more of it: slower for times, faster for rates).
    func table(comparedWith baseline: BenchmarkReport?) -> String {
        let width = figures.map(\.label.count).max() ?? 0
        let baselineValues = Dictionary((baseline?.figures ?? []).map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        var lines = ["nps-oracle benchmark: \(machine.cores) cores (\(machine.cpu)), \(Int(phaseSeconds)) s per phase"]
        if let baseline { lines.append("baseline: \(baseline.date), \(baseline.machine.cores) cores (\(baseline.machine.cpu))") }
        for figure in figures {
            var line =
                figure.label.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                + figure.valueText.padding(toLength: 18, withPad: " ", startingAt: 0)
            if baseline != nil {
                let comparison = baselineValues[figure.key].map { Self.ratio(figure.value, to: $0) } ?? "new"
                line += comparison.padding(toLength: 30, withPad: " ", startingAt: 0)
            }
            lines.append(line + figure.goal)
        }
        return lines.joined(separator: "\n")
    }

    /// "×1.23 of 4.560 ms", or why there is no ratio.
    static func ratio(_ value: Double, to baseline: BenchmarkFigure) -> String {
        guard value.isFinite, baseline.value.isFinite, baseline.value != 0 else { return "baseline \(baseline.valueText)" }
        return String(format: "×%.2f of %@", value / baseline.value, baseline.valueText)
    }

    /// The report as pretty JSON with sorted keys, ending in a newline.
    func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self) + Data("\n".utf8)
    }

    private static func cpuModel() -> String {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let line = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
        return line.flatMap { $0.split(separator: ":", maxSplits: 1).last }.map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown"
    }

    private static func kernelRelease() -> String {
        var name = utsname()
        uname(&name)
        return withUnsafeBytes(of: &name.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    }
}
