import Foundation

/// Collects measurements and the stack's timelines from suites running in parallel and keeps report.json, report.md,
/// report.html and junit.xml current on disk, with every secret of the env file hidden.
package actor CheckpointReport {
    /// The report every suite in the test process shares, in `NPS_REPORT_DIR` or `<repo>/reports/checkpoints`, hiding the
    /// secrets of the repository's env file in use.
    package static let shared = CheckpointReport(directory: defaultDirectory(), redaction: defaultRedaction())

    /// The folder holding report.json, report.md and failure-bundle/.
    package nonisolated let directory: URL
    /// What every file written hides; the failure bundle of the run uses it too.
    package nonisolated let redaction: SecretRedaction
    private var measurements: [String: Measurement] = [:]
    private var timelines: [StackTimeline.Phase: StackTimeline] = [:]
    private var engine: EngineInfo?
    private var mergedEarlierReport = false

    /// A report written into `directory` (created when first written), hiding what `redaction` hides.
    package init(directory: URL, redaction: SecretRedaction) {
        self.directory = directory
        self.redaction = redaction
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

    // Outside a repository there is no env file, so no secret of the stack to hide; an env file that cannot be read
    // stops the run, as a report would otherwise be written without hiding its secrets.
    private static func defaultRedaction() -> SecretRedaction {
        guard let layout = try? RepositoryLayout.locate() else { return SecretRedaction() }
        do {
            return try SecretRedaction(layout: layout)
        } catch {
            fatalError("cannot read the env file whose secrets the report hides: \(error)")
        }
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
        let files = [
            (jsonFile, String(decoding: try ReportDocument.encoder.encode(document), as: UTF8.self)),
            (markdownFile, document.markdown),
            (htmlFile, document.html),
            (junitFile, document.junit(hostname: ProcessInfo.processInfo.hostName)),
        ]
        // A measurement's subject, value or command may carry a secret (a connection string, an error quoting one).
        for (file, text) in files {
            try Data(redaction.redact(text).utf8).write(to: file, options: .atomic)
        }
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
