import CheckpointRules
import Foundation
import ProcessRunning
import StackHarness

/// The stack the checkpoint suites share: the repository, the docker CLI, the compose project, and
/// which services this run has started, so that the run takes down only what it brought up.
actor Stack {
    /// The one stack of this test process.
    static let shared = Stack()

    /// Where the repository's files are.
    nonisolated let layout: RepositoryLayout
    /// The one docker CLI of the run (`DockerCLI.detect(layout:)`), for inspecting, running and building.
    nonisolated let docker: DockerCLI
    /// The stack's compose project, with the user's `infrastructure/.env` or a copy of `.env.example`.
    nonisolated let compose: ComposeProject
    /// The report every proof is recorded in.
    nonisolated let report = CheckpointReport.shared
    /// When the run began, for engine events and the failure bundle.
    nonisolated let startedAt = Date()

    private var engine: EngineInfo?
    private var imagesReady = false
    private var certificateReady = false
    private var staleDataRemoved = false
    private var startedServices: Set<String> = []
    private var temporaryEnvironmentFile: URL?

    private init() {
        let layout: RepositoryLayout
        do {
            layout = try RepositoryLayout.locate()
        } catch {
            fatalError("\(error)")
        }
        self.layout = layout
        docker = DockerCLI.detect(layout: layout)
        let environmentFile: URL
        if FileManager.default.fileExists(atPath: layout.environmentFile.path) {
            environmentFile = layout.environmentFile
        } else {
            // No user .env: the example's values, in a temporary file so the run leaves nothing behind.
            environmentFile = FileManager.default.temporaryDirectory.appendingPathComponent("nps-checkpoints-\(getpid()).env")
            try? FileManager.default.removeItem(at: environmentFile)
            try? FileManager.default.copyItem(at: layout.environmentExample, to: environmentFile)
            temporaryEnvironmentFile = environmentFile
        }
        compose = ComposeProject.nps(layout: layout, environmentFile: environmentFile, docker: docker)
    }

    /// Fails at once, in one line, when no engine answers; records the engine and Compose versions.
    func checkEngine() async throws {
        guard engine == nil else { return }
        let info = try await docker.engineInfo()
        engine = info
        try await report.noteEngine(info)
    }

    /// Makes sure the base images exist (offline stand-ins where no registry answers) and the stack's
    /// images are built; cached builds take about a second.
    func ensureImages() async throws {
        guard !imagesReady else { return }
        try await checkEngine()
        try await CommandRunner().run(Command(executable: layout.offlineImagesScript), timeout: .seconds(1800))
        try await compose.build(timeout: .seconds(3600))
        imagesReady = true
    }

    /// Whether this run uses `.env.example`'s values: then the database volume is the run's own, made with
    /// those passwords, and is removed at the start and the end (a volume left by a stack with other
    /// passwords would refuse the Oracle's login).
    nonisolated var ownsData: Bool { compose.environmentFile?.path != layout.environmentFile.path }

    /// Brings `services` (and what they depend on) up and waits until they are healthy with passing last probes; returns the compose run.
    @discardableResult
    func ensureRunning(_ services: [String] = StackServices.all) async throws -> CommandResult {
        try await ensureImages()
        try await removeStaleData()
        try layout.prepareOracleFolders()
        try await ensureCertificate()
        // A running service that a test's fault left unhealthy (the Oracle while its database was away) turns healthy
        // at its next passing probe; `up --wait` would fail on it at once instead.
        for service in services {
            let container = StackServices.container(service)
            guard (try? await docker.inspectContainer(container).value.state.status) == "running" else { continue }
            _ = try await HealthWait(container: container, docker: docker, recovering: true).untilHealthy(budget: .seconds(60))
        }
        let result = try await compose.up(services: services, wait: true, timeout: .seconds(120))
        startedServices.formUnion(services)
        // `up --wait` accepts a "healthy" status that a test's disturbance left with failing probes; wait those out.
        for service in services {
            _ = try await HealthWait(container: StackServices.container(service), docker: docker).untilHealthy(budget: .seconds(60))
        }
        return result
    }

    /// The web-ui's certificate, checked or made once per run by infrastructure/scripts/tls-cert.sh, as up.sh does.
    func ensureCertificate() async throws {
        guard !certificateReady else { return }
        let made = try await script("tls-cert.sh")
        guard made.succeeded else { throw CommandFailure(result: made) }
        certificateReady = true
    }

    /// Takes the stack down for a timed start from nothing: volumes kept, except the stale data of an earlier run
    /// when this run owns the data (as `ensureRunning` would remove it, which would then recreate the measured start).
    func takeDownForFreshStart() async throws {
        try await removeStaleData()
        try await compose.down(volumes: false)
        noteDown()
    }

    // The first start of a run that owns the database volume begins from an empty one, and from an empty spool:
    // an earlier run's records would otherwise be replayed into this run's counts.
    private func removeStaleData() async throws {
        guard ownsData, !staleDataRemoved else { return }
        _ = try await compose.down(volumes: true, timeout: .seconds(60))
        try? FileManager.default.removeItem(at: layout.spoolVolume)
        staleDataRemoved = true
    }

    /// Records that the run took the stack down itself.
    func noteDown() { startedServices.removeAll() }

    /// Records that a test started `services` outside `ensureRunning`.
    func noteStarted(_ services: [String]) { startedServices.formUnion(services) }

    /// End of the run: a failure bundle when a proof failed, the report, and `down` unless the stack is kept.
    func finish() async throws {
        let failed = await report.recorded.contains { $0.verdict == .fail }
        if failed {
            _ = try? await FailureBundle(reportDirectory: report.directory, compose: compose, redaction: report.redaction).write(since: startedAt)
        }
        try await report.write()
        let keep = ProcessInfo.processInfo.environment["NPS_KEEP_STACK"] == "1"
        // A run that owns the database volume removes it even when a test took the stack down last: a user's first
        // up.sh would otherwise meet a volume made with .env.example's passwords.
        if !keep, !startedServices.isEmpty || ownsData {
            _ = try? await compose.down(volumes: ownsData, timeout: .seconds(60))
            startedServices.removeAll()
        }
        if let temporaryEnvironmentFile, !keep {
            try? FileManager.default.removeItem(at: temporaryEnvironmentFile)
        }
    }
}
