import Logging
import ServiceLifecycle
import UnixSignals

/// One of the stack's executables: what it reads from its environment, how it logs, how it is probed, and the
/// services it runs in its container as one `ServiceGroup`. ``ServiceCommand`` runs it.
public protocol ServiceApplication: Sendable {
    /// Everything the executable reads from its environment.
    associatedtype Configuration: ServiceConfiguration

    /// The executable's names, version and the words of its lifecycle log lines.
    static var identity: ServiceIdentity { get }
    /// What `healthcheck` asks the running executable.
    static var healthProbe: HealthProbe { get }
    /// What `healthcheck live` asks: whether the process answers at all, whatever its dependencies do (an orchestrator
    /// replaces a task that fails it).
    static var livenessProbe: HealthProbe { get }
    /// What `healthcheck ready` asks: whether the executable can serve now, its dependencies included.
    static var readinessProbe: HealthProbe { get }
    /// Makes every `Logger` of the process write the executable's log lines; a log file it cannot open stops the
    /// start like a bad variable (its error names the variable).
    static func bootstrapLogging(for configuration: Configuration) throws
    /// The fields of the "started" line, so an operator sees the configuration that was read.
    static func startMetadata(for configuration: Configuration) -> Logger.Metadata
    /// Assembles the executable from its configuration; tests call it with ports 0.
    static func buildApplication(configuration: Configuration, logger: Logger) throws -> Self

    /// Services in start order, each with its `serviceName` given: the default name, `"\(service)"`, reflects over
    /// every stored property (43 of the 152 million instructions of the Oracle's start, by callgrind). They stop in reverse.
    var services: [ServiceGroupConfiguration.ServiceConfiguration] { get }
    /// The logger the group reports to.
    var logger: Logger { get }
}

extension ServiceApplication {
    /// The health probe, for an executable with no liveness question of its own.
    public static var livenessProbe: HealthProbe { healthProbe }
    /// The health probe, for an executable whose health is its readiness.
    public static var readinessProbe: HealthProbe { healthProbe }

    /// Writes the log lines to stdout alone, at the configured level: the stand-ins keep no log file.
    public static func bootstrapLogging(for configuration: Configuration) {
        LoggingSystem.bootstrap(sink: LogSink(), logLevel: configuration.logLevel)
    }

    /// Runs until a signal in `signals` (or a failing service) stops it; graceful shutdown takes at most 1.5 s.
    public func runService(gracefulShutdownSignals signals: [UnixSignal] = [.sigterm, .sigint]) async throws {
        try await makeGroup(gracefulShutdownSignals: signals).run()
    }

    /// The group that runs the services; tests trigger its graceful shutdown themselves. A cancellation that outlasts
    /// `cancellationLimit` (after the 1.5 s of graceful shutdown) ends the process with a fatal error.
    public func makeGroup(gracefulShutdownSignals signals: [UnixSignal] = [], cancellationLimit: Duration = .milliseconds(300)) -> ServiceGroup {
        var configuration = ServiceGroupConfiguration(services: services, gracefulShutdownSignals: signals, logger: logger)
        // Docker allows 10 s between SIGTERM and SIGKILL: an open health Watch or an idle keep-alive client
        // must not hold the stop up.
        configuration.maximumGracefulShutdownDuration = .milliseconds(1500)
        configuration.maximumCancellationDuration = cancellationLimit
        return ServiceGroup(configuration: configuration)
    }
}
