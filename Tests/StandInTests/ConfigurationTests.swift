import OracleClient
import ServiceRuntime
import Testing

@testable import APIStandIn
@testable import ScannerStandIn

/// Environment parsing of both stand-ins: defaults, overrides and one error naming the variable.
@Suite("stand-in configuration")
struct ConfigurationTests {
    @Test(
        "ORACLE_SERVICE_URL is host:port",
        arguments: [
            ("oracle:50052", OracleAddress(host: "oracle", port: 50052)),
            ("127.0.0.1:1", OracleAddress(host: "127.0.0.1", port: 1)),
            ("[::1]:50052", OracleAddress(host: "::1", port: 50052)),
        ]
    )
    func goodAddress(text: String, expected: OracleAddress) throws {
        #expect(try OracleAddress(parsing: text, variable: "ORACLE_SERVICE_URL") == expected)
    }

    @Test(
        "a bad ORACLE_SERVICE_URL names the variable",
        arguments: ["oracle", "oracle:", ":50052", "oracle:0", "oracle:70000", "http://oracle:50052", "oracle:50052x"]
    )
    func badAddress(text: String) {
        #expect(throws: ConfigurationError(variable: "ORACLE_SERVICE_URL", problem: "'\(text)' is not host:port (for example oracle:50052)")) {
            try OracleAddress(parsing: text, variable: "ORACLE_SERVICE_URL")
        }
    }

    @Test("the api defaults are the compose values")
    func apiDefaults() throws {
        let configuration = try APIConfiguration(environment: ServiceEnvironment([:]))
        #expect(configuration.port == 8000)
        #expect(configuration.bindHost == "0.0.0.0")
        #expect(configuration.oracle == OracleAddress(host: "oracle", port: 50052))
        #expect(configuration.oracleHealthURL == "http://oracle:8052/health")
        #expect(configuration.logLevel == .info)
    }

    @Test("the api reads its variables, blanks counting as unset")
    func apiOverrides() throws {
        let configuration = try APIConfiguration(
            environment: ServiceEnvironment([
                "PORT": " 9000 ", "ORACLE_SERVICE_URL": "localhost:6000", "ORACLE_HEALTH_URL": "http://localhost:6001/health",
                "LOG_LEVEL": "WARN",
            ])
        )
        #expect(configuration.port == 9000)
        #expect(configuration.oracle == OracleAddress(host: "localhost", port: 6000))
        #expect(configuration.oracleHealthURL == "http://localhost:6001/health")
        #expect(configuration.logLevel == .warning)
        #expect(try APIConfiguration(environment: ServiceEnvironment(["PORT": "  "])).port == 8000)
    }

    @Test("LOG_LEVEL is read the way the Oracle reads it, FATAL included")
    func logLevelLikeTheOracle() throws {
        #expect(try APIConfiguration(environment: ServiceEnvironment(["LOG_LEVEL": "FATAL"])).logLevel == .critical)
        #expect(try ScannerConfiguration(environment: ServiceEnvironment(["LOG_LEVEL": "warn"])).logLevel == .warning)
    }

    @Test("the scanner defaults are the compose values, and PUZZLE_NUMBER is 1-160")
    func scanner() throws {
        let defaults = try ScannerConfiguration(environment: ServiceEnvironment([:]))
        #expect(defaults.grpcPort == 50051)
        #expect(defaults.oracle == OracleAddress(host: "oracle", port: 50052))
        #expect(defaults.puzzleNumber == 66)
        #expect(try ScannerConfiguration(environment: ServiceEnvironment(["PUZZLE_NUMBER": "160"])).puzzleNumber == 160)
        #expect(throws: ConfigurationError(variable: "PUZZLE_NUMBER", problem: "'161' is not a number (1-160)")) {
            try ScannerConfiguration(environment: ServiceEnvironment(["PUZZLE_NUMBER": "161"]))
        }
    }

    @Test(
        "bad values name their variable",
        arguments: [
            (["PORT": "eighty"], "PORT"),
            (["ORACLE_HEALTH_URL": "oracle:8052/health"], "ORACLE_HEALTH_URL"),
            (["LOG_LEVEL": "loud"], "LOG_LEVEL"),
            (["ORACLE_SERVICE_URL": "oracle"], "ORACLE_SERVICE_URL"),
        ]
    )
    func apiErrors(environment: [String: String], variable: String) {
        #expect {
            try APIConfiguration(environment: ServiceEnvironment(environment))
        } throws: { error in
            (error as? ConfigurationError)?.variable == variable
        }
    }
}
