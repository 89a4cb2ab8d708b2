import Foundation

/// Collects measurements from suites running in parallel and keeps report.json and report.md current on disk.
public actor CheckpointReport {
    /// The report every suite in the test process shares, in `NPS_REPORT_DIR` or `<repo>/reports/checkpoints`.
    public static let shared = CheckpointReport(directory: defaultDirectory())

    /// The folder holding report.json, report.md and failure-bundle/.
    public nonisolated let directory: URL
    private var measurements: [String: Measurement] = [:]
    private var engine: EngineInfo?
    private var mergedEarlierReport = false

    /// A report written into `directory` (created when first written).
    public init(directory: URL) {
        self.directory = directory
    }

    /// `NPS_REPORT_DIR` if set, else reports/checkpoints in the repository (or the current directory if none is found).
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let configured = environment["NPS_REPORT_DIR"], !configured.isEmpty {
            return URL(fileURLWithPath: configured, isDirectory: true)
        }
        let root =
            (try? RepositoryLayout.locate())?.root
            ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        return root.appendingPathComponent("reports/checkpoints", isDirectory: true)
    }

    /// report.json.
    public nonisolated var jsonFile: URL { directory.appendingPathComponent("report.json") }
    /// report.md.
    public nonisolated var markdownFile: URL { directory.appendingPathComponent("report.md") }

    /// Notes the engine and Compose versions for the report's heading, and rewrites the report.
    public func noteEngine(_ engine: EngineInfo) throws {
        self.engine = engine
        try write()
    }

    /// Adds a measurement (replacing one with the same ID and subject) and rewrites the report.
    public func record(_ measurement: Measurement) throws {
        measurements[measurement.key] = measurement
        try write()
    }

    /// Every measurement so far (this run's and, once written, those kept from earlier runs), by ID then subject.
    public var recorded: [Measurement] {
        measurements.values.sorted { ($0.id, $0.subject) < ($1.id, $1.subject) }
    }

    /// Rewrites report.json and report.md whole, so an interrupted run still leaves a valid report.
    public func write() throws {
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
            measurements: all
        )
        try ReportDocument.encoder.encode(document).write(to: jsonFile, options: .atomic)
        try Data(document.markdown.utf8).write(to: markdownFile, options: .atomic)
    }

    // Keeps what an earlier (perhaps filtered) run measured and this run has not, so the report covers every ID.
    private func mergeEarlierReport() {
        guard let data = try? Data(contentsOf: jsonFile),
            let earlier = try? ReportDocument.decoder.decode(ReportDocument.self, from: data)
        else { return }
        for measurement in earlier.measurements where measurements[measurement.key] == nil {
            measurements[measurement.key] = measurement
        }
        engine = engine ?? earlier.engine
    }
}
