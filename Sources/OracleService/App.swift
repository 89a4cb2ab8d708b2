import Logging
import ServiceRuntime

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

/// `nps-oracle`: runs the Oracle service, or with `healthcheck` probes a running one (the container's HEALTHCHECK).
@main
struct App {
    static func main() async {
        let arguments = CommandLine.arguments.dropFirst()
        let environment = ProcessInfo.processInfo.environment
        switch arguments.first {
        case nil:
            await serve(environment: environment)
        case "healthcheck":
            exit(await HealthProbe.run(environment: environment))
        case "--version", "version":
            print("nps-oracle \(OracleVersion.current)")
        default:
            fail("unknown argument '\(arguments.joined(separator: " "))'; usage: nps-oracle [healthcheck | --version]")
        }
    }

    private static func serve(environment: [String: String]) async {
        // A closed stdout (a log collector that went away) must not kill the service.
        signal(SIGPIPE, SIG_IGN)
        let configuration: OracleConfiguration
        let sink: LogSink
        do {
            configuration = try OracleConfiguration(environment: environment)
            sink = try LogSink(filePath: configuration.logFile, maxFileBytes: configuration.logMaxBytes, backupCount: configuration.logBackups)
        } catch {
            fail("configuration error: \(error)")
        }
        LoggingSystem.bootstrap(sink: sink, logLevel: configuration.logLevel)
        var logger = Logger(label: "nps.oracle")
        logger.logLevel = configuration.logLevel

        logger.info(
            "Oracle service started",
            metadata: [
                "version": "\(OracleVersion.current)",
                "grpc_port": "\(configuration.grpcPort)",
                "health_port": "\(configuration.healthPort)",
                "database": "\(configuration.database.host):\(configuration.database.port)/\(configuration.database.database)",
                "ai": "\(configuration.anthropicAPIKey == nil ? "fallback" : "configured")",
                "log_file": "\(configuration.logFile)",
            ]
        )
        let application = buildApplication(configuration: configuration, logger: logger)
        do {
            try await application.run()
            logger.info("Oracle service stopped")
        } catch let error as ConfigurationError {
            logger.critical("configuration error: \(error)")
            fail("configuration error: \(error)")
        } catch {
            logger.critical("Oracle service failed", metadata: ["error": "\(error)"])
            fail("\(error)")
        }
    }

    /// Prints one line to stderr and exits 1.
    static func fail(_ message: String) -> Never {
        _ = POSIXIO.writeAll(Array("nps-oracle: \(message)\n".utf8), to: STDERR_FILENO)
        exit(1)
    }
}
