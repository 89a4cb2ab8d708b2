import Foundation
import ProcessRunning
import StackHarness
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite("the checkpoint report")
struct CheckpointReportTests {
    private func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("stack-harness-report-\(UUID().uuidString)", isDirectory: true)
    }

    // A report in a new folder, with the engine noted and `measurements` recorded in order; the folder goes afterwards.
    private func withReport(recording measurements: [StackHarness.Measurement], _ body: (CheckpointReport) async throws -> Void) async throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let report = CheckpointReport(directory: directory, redaction: SecretRedaction())
        try await report.noteEngine(engine)
        for measurement in measurements { try await report.record(measurement) }
        try await body(report)
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
        try await withReport(recording: [status, size]) { report in
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
    }

    @Test("report.md is a table with escaped cells")
    func markdown() async throws {
        try await withReport(recording: [size, status]) { report in
            let markdown = try String(contentsOf: report.markdownFile, encoding: .utf8)
            #expect(markdown.contains("engine 20.10.24+dfsg1 (API 1.41) · docker CLI 28.2.2 · Compose 2.40.3"))
            #expect(markdown.contains("**1 passed, 1 failed** of 2 measurements."))
            #expect(markdown.contains("| ID | requirement | measured | limit | verdict | command |"))
            #expect(markdown.contains("| CP1.size | oracle image size | 123.457 MB | < 500 MB | pass | `/usr/bin/docker image inspect nps-oracle` |"))
            #expect(markdown.contains("| CP4.status | oracle health \\| engine | unhealthy | = healthy | **FAIL** |  |"))
        }
    }

    @Test("report.html: one row per requirement ID, the start and stop timelines as inline SVG, escaped text, no external asset")
    func html() async throws {
        let standIn = Measurement(id: "CP1.size", subject: "api <stand-in> size", number: 80, unit: "MB", limit: "< 500 MB", passed: true)
        try await withReport(recording: [size, standIn, status]) { report in
            let origin = Date(timeIntervalSince1970: 1_800_000_000)
            try await report.record(
                StackTimeline(
                    phase: .start,
                    origin: origin,
                    lanes: [
                        .init(service: "postgres", begin: origin.addingTimeInterval(0.5), end: origin.addingTimeInterval(3.2)),
                        .init(service: "oracle", begin: origin.addingTimeInterval(3.4), end: nil),
                    ]
                )
            )
            // A later report keeps the stop timeline an earlier run drew.
            try await report.record(
                StackTimeline(phase: .stop, origin: origin, lanes: [.init(service: "oracle", begin: origin, end: origin.addingTimeInterval(0.25))])
            )
            try await CheckpointReport(directory: report.directory, redaction: SecretRedaction()).record(size)

            let html = try String(contentsOf: report.htmlFile, encoding: .utf8)
            #expect(html.hasPrefix("<!DOCTYPE html>"))
            #expect(html.components(separatedBy: "<td class=\"id\">").count - 1 == 2, "one row per ID")
            #expect(html.contains("<td class=\"id\">CP4.status</td>"))
            #expect(html.contains("<td class=\"verdict fail\">FAIL</td>"))
            #expect(html.contains("api &lt;stand-in&gt; size: <b>80 MB</b>"))
            #expect(html.contains("1 of 2 requirement IDs pass"))
            #expect(html.components(separatedBy: "<svg ").count - 1 == 2, "the start and the stop")
            #expect(html.contains("start 0.50 s → healthy 3.20 s (2.70 s)"))
            #expect(html.contains("start 3.40 s, no healthy event"))
            #expect(html.contains("signal 0.00 s → exit 0.25 s (0.25 s)"))
            let external = ["<link", "<script", "src=", "url(", "https://"]
            #expect(external.allSatisfy { !html.contains($0) }, "no external asset")
            #expect(html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "").contains("http://") == false)
        }
    }

    @Test("junit.xml: one test case per requirement ID, a failure for each failing ID, well-formed even with control characters")
    func junit() async throws {
        let apiSize = Measurement(id: "CP1.size", subject: "api size", number: 80, unit: "MB", limit: "< 500 MB", passed: true)
        let scanner = Measurement(id: "CP4.status", subject: "scanner & \u{1B}[31mred", text: "exited", limit: "= healthy", passed: false)
        try await withReport(recording: [size, apiSize, scanner, status]) { report in

            let elements = try JUnitElements(contentsOf: report.junitFile)
            #expect(elements.names.first == "testsuites")
            let suite = try #require(elements.attributes(of: "testsuite").first)
            #expect(suite["tests"] == "2")
            #expect(suite["failures"] == "1")
            #expect(suite["package"] == "nps" && suite["id"] == "0" && suite["hostname"]?.isEmpty == false)
            #expect(suite["timestamp"]?.wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/) != nil, "no zone, as the schema says")
            #expect(elements.attributes(of: "testcase").map { $0["name"] } == ["CP1.size", "CP4.status"])
            #expect(elements.attributes(of: "testcase").map { $0["classname"] } == ["checkpoints.CP1", "checkpoints.CP4"])
            #expect(elements.attributes(of: "failure").map { $0["message"] } == ["2 of 2 measurements failed"])
            #expect(elements.names.filter { ["properties", "system-out", "system-err"].contains($0) } == ["properties", "system-out", "system-err"])
        }
    }

    @Test("parallel records all land, and a later run keeps what it did not re-measure")
    func mergeAndConcurrency() async throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = CheckpointReport(directory: directory, redaction: SecretRedaction())
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

        let second = CheckpointReport(directory: directory, redaction: SecretRedaction())
        try await second.record(Measurement(id: "PERF.grpc", subject: "call 0", number: 99, unit: "ms", limit: "< 10 ms", passed: false))
        let merged = await second.recorded
        #expect(merged.count == 20)
        #expect(merged.first { $0.subject == "call 0" }?.value == .number(99))
        let json = try JSONValue(data: Data(contentsOf: second.jsonFile))
        #expect(json["measurements"]?.array?.count == 20)
        #expect(json["engine"] == nil || json["engine"]?.isNull == true)
    }

    @Test(
        "no file of the report holds a secret a measurement quotes, in any of the four renderings; without the redaction the search finds it in each"
    )
    func redaction() async throws {
        let marker = "nps-redact-marker-\(UUID().uuidString)"
        let special = #"pa|ss<wo>&rd"/1"#
        // The forms the four files give a value: as is, and escaped for JSON, XML (HTML, JUnit) and a Markdown cell.
        let searched = [marker, special, #"pa|ss<wo>&rd\"/1"#, "pa|ss&lt;wo&gt;&amp;rd&quot;/1", #"pa\|ss<wo>&rd"/1"#]
        let planted = Measurement(
            id: "SEC.redact",
            subject: "login \(marker)",
            value: .text("postgres://nps:\(special)@postgres"),
            limit: marker,
            verdict: .fail,
            command: "psql postgres://nps:\(special)@postgres \(marker)"
        )
        // The files under a new report's folder that hold any form of a secret, once the report is written with `redaction`.
        func filesHoldingSecrets(_ redaction: SecretRedaction) async throws -> [String] {
            let directory = temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            try await CheckpointReport(directory: directory, redaction: redaction).record(planted)
            let files = try (FileManager.default.subpaths(atPath: directory.path) ?? []).filter { path in
                let text = String(decoding: try Data(contentsOf: directory.appendingPathComponent(path)), as: UTF8.self)
                return searched.contains { text.contains($0) }
            }
            if !redaction.secrets.isEmpty {
                let reread = CheckpointReport(directory: directory, redaction: redaction)
                try await reread.write()
                #expect(await reread.recorded.map(\.subject) == ["login [redacted SEC_REDACT_MARKER]"], "report.json stays readable")
            }
            return files.sorted()
        }

        let redaction = SecretRedaction(secrets: ["SEC_REDACT_MARKER": marker, "POSTGRES_PASSWORD": special])
        #expect(try await filesHoldingSecrets(redaction) == [])
        #expect(try await filesHoldingSecrets(SecretRedaction()) == ["junit.xml", "report.html", "report.json", "report.md"])
    }

    @Test("the report folder comes from NPS_REPORT_DIR, else the repository")
    func folder() {
        #expect(CheckpointReport.defaultDirectory(environment: ["NPS_REPORT_DIR": "/tmp/elsewhere"]).path == "/tmp/elsewhere")
        #expect(CheckpointReport.defaultDirectory(environment: [:]).path.hasSuffix("reports/checkpoints"))
    }
}

// The elements of an XML file, in document order, read with Foundation's parser (which fails on malformed XML).
private final class JUnitElements: NSObject, XMLParserDelegate {
    private(set) var names: [String] = []
    private var attributesByElement: [(String, [String: String])] = []

    init(contentsOf file: URL) throws {
        super.init()
        let parser = XMLParser(data: try Data(contentsOf: file))
        parser.delegate = self
        guard parser.parse() else {
            let reason = parser.parserError.map(String.init(describing:)) ?? "malformed XML"
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: reason])
        }
    }

    func attributes(of element: String) -> [[String: String]] {
        attributesByElement.filter { $0.0 == element }.map(\.1)
    }

    func parser(
        _ parser: XMLParser,
        didStartElement elementName: String,
        namespaceURI: String?,
        qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        names.append(elementName)
        attributesByElement.append((elementName, attributes))
    }
}
