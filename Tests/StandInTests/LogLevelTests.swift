import Logging
import ServiceRuntime
import Testing

/// `LOG_LEVEL` reads the same for the stand-ins as for the Oracle: one parser in ServiceRuntime.
@Suite("stand-in LOG_LEVEL")
struct LogLevelTests {
    @Test(
        "LOG_LEVEL is read in any case, with WARN and FATAL as aliases, as the Oracle reads it",
        arguments: [
            ("TRACE", Logger.Level.trace), ("debug", .debug), ("Info", .info), ("notice", .notice),
            ("warning", .warning), ("warn", .warning), ("ERROR", .error), ("critical", .critical), ("fatal", .critical),
        ]
    )
    func parses(text: String, level: Logger.Level) throws {
        #expect(try ServiceEnvironment(["LOG_LEVEL": text]).logLevel() == level)
    }

    @Test("a wrong LOG_LEVEL names the variable and the choices")
    func rejects() {
        #expect(
            throws: ConfigurationError(
                variable: "LOG_LEVEL",
                problem: "'loud' is not one of TRACE, DEBUG, INFO, NOTICE, WARNING, ERROR, CRITICAL"
            )
        ) {
            try ServiceEnvironment(["LOG_LEVEL": "loud"]).logLevel()
        }
    }
}
