import Foundation
import Testing

@testable import OracleBenchmark

/// The benchmark's figures as data: the JSON it writes and reads back as a baseline, the ratios it prints, the CPU
/// time it reads from /proc, and its new flags; without a server.
@Suite("oracle-benchmark: figures, baseline and CPU time")
struct BenchmarkReportTests {
    static let report = BenchmarkReport(
        date: "2026-12-05T09:00:00Z",
        machine: .init(cores: 2, cpu: "Test CPU", kernel: "6.1.0"),
        phaseSeconds: 5,
        figures: [
            .init("get_reading_cpu_per_call_us", "GetReading server CPU per call, 16 streams", 180, "µs", goal: "≤ 40 µs"),
            .init("rss_idle_mib", "RSS idle", .nan, "MiB"),
        ]
    )

    @Test("a report written as JSON reads back the same; an unmeasured figure is null, not NaN, and comes back NaN")
    func jsonRoundTrip() throws {
        let data = try Self.report.json()
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"value\" : null"), "NaN must be written as null: \(text)")
        #expect(text.contains("\"phase_seconds\" : 5"))
        let read = try JSONDecoder().decode(BenchmarkReport.self, from: data)
        #expect(read.date == Self.report.date && read.machine == Self.report.machine)
        #expect(read.figures.map(\.key) == Self.report.figures.map(\.key))
        #expect(read.figures[0].value == 180)
        #expect(read.figures[1].value.isNaN)
    }

    @Test("the table prints each figure's ratio to the baseline's, 'new' for a figure the baseline lacks")
    func comparison() {
        var now = Self.report
        now.figures = [
            .init("get_reading_cpu_per_call_us", "GetReading server CPU per call, 16 streams", 36, "µs", goal: "≤ 40 µs"),
            .init("start_to_health_ms", "process start → first /health 200", 80, "ms"),
        ]
        let table = now.table(comparedWith: Self.report)
        #expect(table.contains("×0.20 of 180 µs"), "\(table)")
        #expect(table.contains("new"), "\(table)")
        #expect(table.contains("baseline: 2026-12-05T09:00:00Z"), "\(table)")
        let alone = now.table(comparedWith: nil)
        #expect(!alone.contains("×") && !alone.contains("baseline"), "\(alone)")
        #expect(BenchmarkReport.ratio(1, to: Self.report.figures[1]) == "baseline not measured")
    }

    @Test("CPU ticks are utime plus stime, counted after the last ')' of a command that holds spaces and parentheses")
    func cpuTicks() {
        let stat = "4242 (nps (oracle) x) S 1 4242 4242 0 -1 4194560 900 0 0 0 1234 567 0 0 20 0 9 0 100 0 0"
        #expect(ServerUnderTest.cpuTicks(stat: stat) == 1801)
        #expect(ServerUnderTest.cpuTicks(stat: "4242 (short) S 1 2") == nil)
        #expect(ServerUnderTest.cpuTicks(stat: "no parenthesis") == nil)
        let own = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8)
        #expect(own.flatMap(ServerUnderTest.cpuTicks(stat:)) != nil, "this process's own /proc/self/stat did not parse")
    }

    @Test("--json and --baseline take a path; without them there is neither")
    func options() throws {
        let base = ["--server", "s", "--database-url", "u"]
        let plain = try BenchmarkOptions(arguments: base)
        #expect(plain.jsonPath == nil && plain.baselinePath == nil)
        let both = try BenchmarkOptions(arguments: base + ["--json", "reports/b.json", "--baseline", "dev/benchmark-baseline.json"])
        #expect(both.jsonPath == "reports/b.json" && both.baselinePath == "dev/benchmark-baseline.json")
        #expect(throws: UsageError("--json needs a value")) { try BenchmarkOptions(arguments: base + ["--json"]) }
    }
}
