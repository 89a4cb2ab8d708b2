import Logging
import ServiceRuntime
import StandInSupport

/// `nps-scanner-stand-in`: a small, real stand-in for the scanner service (owned by another team), or with
/// `healthcheck` a probe of a running one (the container's HEALTHCHECK).
///
/// It serves gRPC health and asks the Oracle for a key range once; it NEVER generates or tests private keys.
@main
struct App {
    static func main() async {
        await StandInCommand.main(program: "nps-scanner-stand-in", serve: serve, probe: HealthProbe.run)
    }

    private static func serve(environment: StandInEnvironment) async {
        let configuration: ScannerConfiguration
        do {
            configuration = try ScannerConfiguration(environment: environment)
        } catch {
            ProcessExit.fail(program: "nps-scanner-stand-in", "configuration error: \(error)")
        }
        LoggingSystem.bootstrap(sink: LogSink(), logLevel: configuration.logLevel)
        var logger = Logger(label: "nps.scanner")
        logger.logLevel = configuration.logLevel
        logger.info(
            "Scanner stand-in started",
            metadata: [
                "grpc_port": "\(configuration.grpcPort)",
                "oracle": "\(configuration.oracle)",
                "puzzle_number": "\(configuration.puzzleNumber)",
            ]
        )
        do {
            try await ScannerApplication(configuration: configuration, logger: logger).run()
            logger.info("Scanner stand-in stopped")
        } catch {
            logger.critical("Scanner stand-in failed", metadata: ["error": "\(error)"])
            ProcessExit.fail(program: "nps-scanner-stand-in", "\(error)")
        }
    }
}
