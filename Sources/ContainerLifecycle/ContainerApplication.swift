import Logging
import ServiceLifecycle
import UnixSignals

/// A process that runs in a container as one `ServiceGroup`: its services in start order and its logger.
public protocol ContainerApplication: Sendable {
    /// Services in start order; they stop in reverse.
    var services: [ServiceGroupConfiguration.ServiceConfiguration] { get }
    /// The logger the group reports to.
    var logger: Logger { get }
}

extension ContainerApplication {
    /// Runs until a signal in `signals` (or a failing service) stops it; graceful shutdown takes at most 1.5 s.
    public func run(gracefulShutdownSignals signals: [UnixSignal] = [.sigterm, .sigint]) async throws {
        try await makeGroup(gracefulShutdownSignals: signals).run()
    }

    /// The group that runs the services; tests trigger its graceful shutdown themselves.
    public func makeGroup(gracefulShutdownSignals signals: [UnixSignal] = []) -> ServiceGroup {
        var configuration = ServiceGroupConfiguration(services: services, gracefulShutdownSignals: signals, logger: logger)
        // Docker allows 10 s between SIGTERM and SIGKILL: an open health Watch or an idle keep-alive client
        // must not hold the stop up.
        configuration.maximumGracefulShutdownDuration = .milliseconds(1500)
        configuration.maximumCancellationDuration = .milliseconds(300)
        return ServiceGroup(configuration: configuration)
    }
}
