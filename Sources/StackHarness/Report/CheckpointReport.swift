import Foundation

/// Collects measurements and the stack's timelines from suites running in parallel and keeps report.json, report.md,
/// report.html and junit.xml current on disk.
package actor CheckpointReport {
    /// The report every suite in the test process shares, in `NPS_REPORT_DIR` or `<repo>/reports/checkpoints`.
    package static let shared = CheckpointReport(directory: defaultDirectory())

    /// The folder holding report.json, report.md and failure-bundle/.
    package nonisolated let directory: URL
    private var measurements: [String: Measurement] = [:]
    private var timelines: [StackTimeline.Phase: StackTimeline] = [:]
    private var engine: EngineInfo?
    private var mergedEarlierReport = false

    /// A report written into `directory` (created when first written).
    package init(directory: URL) {
        self.directory = directory
    }

    /// `NPS_REPORT_DIR` if set, else reports/checkpoints in the repository (or the current directory if none is found).
    package static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let configured = environment["NPS_REPORT_DIR"], !configured.isEmpty {
            return URL(fileURLWithPath: configured, isDirectory: true)
        }
        let root =
            (try? RepositoryLayout.locate())?.root
            ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        return root.appendingPathComponent("reports/checkpoints", isDirectory: true)
    }

    /// report.json.
    package nonisolated var jsonFile: URL { directory.appendingPathComponent("report.json") }
    /// report.md.
    package nonisolated var markdownFile: URL { directory.appendingPathComponent("report.md") }
    /// report.html, self-contained.
    package nonisolated var htmlFile: URL { directory.appendingPathComponent("report.html") }
    /// junit.xml, one test case per requirement ID.
    package nonisolated var junitFile: URL { directory.appendingPathComponent("junit.xml") }

    /// Notes the engine and Compose versions for the report's heading, and rewrites the report.
    package func noteEngine(_ engine: EngineInfo) throws {
        self.engine = engine
        try write()
    }

    /// Adds a measurement (replacing one with the same ID and subject) and rewrites the report.
    package func record(_ measurement: Measurement) throws {
        measurements[measurement.key] = measurement
        try write()
    }

    /// Keeps the timeline of a start or a stop of the stack (replacing an earlier one of the same phase) and rewrites the report.
    package func record(_ timeline: StackTimeline) throws {
        timelines[timeline.phase] = timeline
        try write()
    }

    /// Every measurement so far (this run's and, once written, those kept from earlier runs), by ID then subject.
    package var recorded: [Measurement] {
        measurements.values.sorted { ($0.id, $0.subject) < ($1.id, $1.subject) }
    }

    /// Rewrites the four files whole, so an interrupted run still leaves a valid report.
    package func write() throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        if !mergedEarlierReport {
            mergeEarlierReport()
            mergedEarlierReport = true
        }
        let all = recorded
        let document = ReportDocument(
            generatedAt: Date(),
            engine: engine,
            passed: all.count { $0.verdict == .pass },
            failed: all.count { $0.verdict == .fail },
            measurements: all,
            timelines: StackTimeline.Phase.allCases.compactMap { timelines[$0] }
        )
        try ReportDocument.encoder.encode(document).write(to: jsonFile, options: .atomic)
        try Data(document.markdown.utf8).write(to: markdownFile, options: .atomic)
        try Data(document.html.utf8).write(to: htmlFile, options: .atomic)
        try Data(document.junit(hostname: ProcessInfo.processInfo.hostName).utf8).write(to: junitFile, options: .atomic)
    }

    // Keeps what an earlier (perhaps filtered) run measured and this run has not, so the report covers every ID.
    private func mergeEarlierReport() {
        guard let data = try? Data(contentsOf: jsonFile),
            let earlier = try? ReportDocument.decoder.decode(ReportDocument.self, from: data)
        else { return }
        for measurement in earlier.measurements where measurements[measurement.key] == nil {
            measurements[measurement.key] = measurement
        }
        for timeline in earlier.timelines ?? [] where timelines[timeline.phase] == nil {
            timelines[timeline.phase] = timeline
        }
        engine = engine ?? earlier.engine
    }
}
