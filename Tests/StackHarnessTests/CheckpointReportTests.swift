import Foundation
import StackHarness
import Testing

@Suite("the checkpoint report")
struct CheckpointReportTests {
    private func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("stack-harness-report-\(UUID().uuidString)", isDirectory: true)
    }

    private let engine = EngineInfo(serverVersion: "20.10.24+dfsg1", apiVersion: "1.41", clientVersion: "28.2.2", composeVersion: "2.40.3")
    private let size = Measurement(
        id: "CP1.size",
        subject: "oracle image size",
        number: 123.4567,
        unit: "MB",
        limit: "< 500 MB",
        passed: true,
        measuredBy: CommandResult(
            command: Command(executable: URL(fileURLWithPath: "/usr/bin/docker"), arguments: ["image", "inspect", "nps-oracle"]),
            exitStatus: 0
        )
    )
    private let status = Measurement(id: "CP4.status", subject: "oracle health | engine", text: "unhealthy", limit: "= healthy", passed: false)

    @Test("report.json holds every measurement, the engine and the counts")
    func json() async throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let report = CheckpointReport(directory: directory)
        try await report.noteEngine(engine)
        try await report.record(status)
        try await report.record(size)
        let json = try JSONValue(data: Data(contentsOf: report.jsonFile))
        #expect(json["passed"]?.double == 1)
        #expect(json["failed"]?.double == 1)
        #expect(json["engine"]?["composeVersion"]?.string == "2.40.3")
        #expect(json["measurements"]?[0]?["id"]?.string == "CP1.size")
        #expect(json["measurements"]?[0]?["value"]?.double == 123.4567)
        #expect(json["measurements"]?[0]?["verdict"]?.string == "pass")
        #expect(json["measurements"]?[0]?["command"]?.string == "/usr/bin/docker image inspect nps-oracle")
        #expect(json["measurements"]?[1]?["value"]?.string == "unhealthy")
        #expect(json["generatedAt"]?.string.flatMap(RFC3339Nano.date(from:)) != nil)
    }

    @Test("report.md is a table with escaped cells")
    func markdown() async throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let report = CheckpointReport(directory: directory)
        try await report.noteEngine(engine)
        try await report.record(size)
        try await report.record(status)
        let markdown = try String(contentsOf: report.markdownFile, encoding: .utf8)
        #expect(markdown.contains("engine 20.10.24+dfsg1 (API 1.41) · docker CLI 28.2.2 · Compose 2.40.3"))
        #expect(markdown.contains("**1 passed, 1 failed** of 2 measurements."))
        #expect(markdown.contains("| ID | requirement | measured | limit | verdict | command |"))
        #expect(markdown.contains("| CP1.size | oracle image size | 123.457 MB | < 500 MB | pass | `/usr/bin/docker image inspect nps-oracle` |"))
        #expect(markdown.contains("| CP4.status | oracle health \\| engine | unhealthy | = healthy | **FAIL** |  |"))
    }

    @Test("parallel records all land, and a later run keeps what it did not re-measure")
    func mergeAndConcurrency() async throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = CheckpointReport(directory: directory)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<20 {
                group.addTask {
                    try await first.record(
                        Measurement(
                            id: "PERF.grpc",
                            subject: "call \(index)",
                            number: Double(index),
                            unit: "ms",
                            limit: "< 10 ms",
                            passed: index < 10
                        )
                    )
                }
            }
            try await group.waitForAll()
        }
        #expect(await first.recorded.count == 20)

        let second = CheckpointReport(directory: directory)
        try await second.record(Measurement(id: "PERF.grpc", subject: "call 0", number: 99, unit: "ms", limit: "< 10 ms", passed: false))
        let merged = await second.recorded
        #expect(merged.count == 20)
        #expect(merged.first { $0.subject == "call 0" }?.value == .number(99))
        let json = try JSONValue(data: Data(contentsOf: second.jsonFile))
        #expect(json["measurements"]?.array?.count == 20)
        #expect(json["engine"] == nil || json["engine"]?.isNull == true)
    }

    @Test("the report folder comes from NPS_REPORT_DIR, else the repository")
    func folder() {
        #expect(CheckpointReport.defaultDirectory(environment: ["NPS_REPORT_DIR": "/tmp/elsewhere"]).path == "/tmp/elsewhere")
        #expect(CheckpointReport.defaultDirectory(environment: [:]).path.hasSuffix("reports/checkpoints"))
    }
}
