import Logging
import StandInSupport

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

/// `nps-api-stand-in`: a small, real stand-in for the api service (owned by another team), or with `healthcheck`
/// a probe of a running one (the container's HEALTHCHECK).
@main
struct App {
    static func main() async {
        let arguments = CommandLine.arguments.dropFirst()
        let environment = StandInEnvironment(ProcessInfo.processInfo.environment)
        switch arguments.first {
        case nil:
            await serve(environment: environment)
        case "healthcheck":
            exit(await HealthProbe.run(environment: environment))
        default:
            ProcessExit.fail(program: "nps-api-stand-in", "unknown argument '\(arguments.joined(separator: " "))'; usage: nps-api-stand-in [healthcheck]")
        }
    }

    private static func serve(environment: StandInEnvironment) async {
        let configuration: APIConfiguration
        do {
            configuration = try APIConfiguration(environment: environment)
        } catch {
            ProcessExit.fail(program: "nps-api-stand-in", "configuration error: \(error)")
        }
        JSONLinesLogHandler.bootstrap(logLevel: configuration.logLevel)
        var logger = Logger(label: "nps.api")
        logger.logLevel = configuration.logLevel
        logger.info(
            "API stand-in started",
            metadata: [
                "port": "\(configuration.port)",
                "oracle": "\(configuration.oracle)",
                "oracle_health_url": "\(configuration.oracleHealthURL)",
            ]
        )
        do {
            try await APIApplication(configuration: configuration, logger: logger).run()
            logger.info("API stand-in stopped")
        } catch {
            logger.critical("API stand-in failed", metadata: ["error": "\(error)"])
            ProcessExit.fail(program: "nps-api-stand-in", "\(error)")
        }
    }
}
