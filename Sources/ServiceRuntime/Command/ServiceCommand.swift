import Logging

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The command line every executable shares: no argument serves, `healthcheck` probes a running one (the
/// container's HEALTHCHECK; `healthcheck live` asks only whether it answers, `healthcheck ready` whether it can serve),
/// `--version` prints the version.
public enum ServiceCommand {
    /// Dispatches on the process's arguments and runs `Application` accordingly; never returns on failure.
    public static func main<Application: ServiceApplication>(_: Application.Type) async {
        let identity = Application.identity
        let arguments = CommandLine.arguments.dropFirst()
        let environment = ServiceEnvironment(ProcessInfo.processInfo.environment)
        switch arguments.first {
        case nil:
            await serve(Application.self, environment: environment)
        case "healthcheck":
            exit(await probe(Application.self, named: arguments.dropFirst()).run(environment: environment))
        case "--version", "version":
            print("\(identity.program) \(identity.version)")
        default:
            ServiceExit.fail(
                program: identity.program,
                "unknown argument '\(arguments.joined(separator: " "))'; usage: \(identity.program) [healthcheck [live | ready] | --version]"
            )
        }
    }

    /// The probe `healthcheck` runs for the words after it: none the health check, `live` the liveness probe, `ready`
    /// the readiness probe; anything else ends the process with one line naming the accepted words.
    private static func probe<Application: ServiceApplication>(_: Application.Type, named words: ArraySlice<String>) -> HealthProbe {
        switch Array(words) {
        case []: Application.healthProbe
        case ["live"]: Application.livenessProbe
        case ["ready"]: Application.readinessProbe
        default:
            ServiceExit.fail(
                program: Application.identity.program,
                "unknown health probe '\(words.joined(separator: " "))'; accepted: live, ready, or none for the health check"
            )
        }
    }

    /// Reads the configuration, starts logging and runs the services until a signal stops them.
    ///
    /// Exit policy: a bad configuration, found before the start or while binding, ends with
    /// "configuration error: VARIABLE: problem"; any other failure with its description; both exit 1.
    private static func serve<Application: ServiceApplication>(_: Application.Type, environment: ServiceEnvironment) async {
        let identity = Application.identity
        // A closed stdout (a log collector that went away) must not kill the service.
        signal(SIGPIPE, SIG_IGN)
        let configuration: Application.Configuration
        do {
            configuration = try Application.Configuration(environment: environment)
            try Application.bootstrapLogging(for: configuration)
        } catch {
            ServiceExit.fail(program: identity.program, "configuration error: \(error)")
        }
        var logger = Logger(label: identity.logLabel)
        logger.logLevel = configuration.logLevel
        logger.info("\(identity.title) started", metadata: Application.startMetadata(for: configuration))
        do {
            try await Application.buildApplication(configuration: configuration, logger: logger).runService()
            logger.info("\(identity.title) stopped")
        } catch let error as ConfigurationError {
            logger.critical("configuration error: \(error)")
            ServiceExit.fail(program: identity.program, "configuration error: \(error)")
        } catch {
            logger.critical("\(identity.title) failed", metadata: ["error": "\(error)"])
            ServiceExit.fail(program: identity.program, "\(error)")
        }
    }
}
