import Logging
import ServiceRuntime
import StandInSupport

/// `nps-api-stand-in`: a small, real stand-in for the api service (owned by another team), or with `healthcheck`
/// a probe of a running one (the container's HEALTHCHECK).
@main
struct App {
    static func main() async {
        await StandInCommand.main(program: "nps-api-stand-in", serve: serve, probe: HealthProbe.run)
    }

    private static func serve(environment: StandInEnvironment) async {
        let configuration: APIConfiguration
        do {
            configuration = try APIConfiguration(environment: environment)
        } catch {
            ProcessExit.fail(program: "nps-api-stand-in", "configuration error: \(error)")
        }
        LoggingSystem.bootstrap(sink: LogSink(), logLevel: configuration.logLevel)
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
