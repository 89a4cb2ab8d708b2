import Logging
import ServiceRuntime
import Testing

@testable import OracleService

/// `OracleConfiguration(environment:)` and `DatabaseURL(parsing:)`: defaults, and one error naming the variable for every bad value.
@Suite("Configuration from the environment")
struct ConfigurationTests {
    /// A password that must never show up in an error.
    static let secret = "hunter2-S3cret"

    /// The smallest valid environment, plus `extra` (an empty value removes a variable).
    static func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = [
            "DATABASE_URL": "postgres://nps:\(secret)@postgres:5432/nps?sslmode=disable",
            "NPS_MASTER_PASSWORD": "master-password-123",
        ]
        for (name, value) in extra {
            if value.isEmpty { environment.removeValue(forKey: name) } else { environment[name] = value }
        }
        return environment
    }

    /// The error `environment` gives; fails the test when it gives none.
    static func error(for extra: [String: String]) -> ConfigurationError? {
        #expect(throws: ConfigurationError.self, "\(extra)") { try OracleConfiguration(environment: ServiceEnvironment(environment(extra))) }
    }

    // MARK: defaults

    @Test("Only DATABASE_URL and NPS_MASTER_PASSWORD set: ports 50052/8052, LOG_LEVEL info, /app/logs/oracle.log, 10 MB × 5, api.anthropic.com")
    func defaults() throws {
        let configuration = try OracleConfiguration(environment: ServiceEnvironment(Self.environment()))
        #expect(configuration.grpcPort == 50052)
        #expect(configuration.healthPort == 8052)
        #expect(configuration.bindHost == "0.0.0.0")
        #expect(configuration.logLevel == .info)
        #expect(configuration.logFile == "/app/logs/oracle.log")
        #expect(configuration.logMaxBytes == 10 * 1024 * 1024)
        #expect(configuration.logBackups == 5)
        #expect(configuration.anthropicBaseURL == "https://api.anthropic.com")
        #expect(configuration.anthropicAPIKey == nil)
        #expect(configuration.aiTimeout == .seconds(10))
        #expect(configuration.maxRequestBytes == 1024 * 1024)
        #expect(configuration.spool == RecordSpool.Configuration(directory: "/app/spool", maxRecords: 100_000, maxBytes: 64 << 20))
        #expect(configuration.masterPassword == "master-password-123")
        #expect(configuration.database.host == "postgres")
        #expect(configuration.database.password == Self.secret)
        #expect(configuration.database.tlsMode == .disable)
    }

    @Test("Every variable set to a good value is taken as given")
    func explicitValues() throws {
        let configuration = try OracleConfiguration(
            environment: ServiceEnvironment(
                Self.environment([
                    "GRPC_PORT": "6000", "HEALTH_PORT": "6001", "BIND_HOST": "127.0.0.1",
                    "ANTHROPIC_API_KEY": "sk-test", "ANTHROPIC_BASE_URL": "http://127.0.0.1:9999/",
                    "NPS_AI_MODEL": "claude-test", "NPS_AI_TIMEOUT_SECONDS": "3", "LOG_LEVEL": "WARN",
                    "LOG_FILE": "/tmp/x.log", "LOG_MAX_BYTES": "2048", "LOG_BACKUPS": "2", "GRPC_MAX_REQUEST_BYTES": "4096",
                    "NPS_SPOOL_DIR": "/data/spool/", "NPS_SPOOL_MAX_RECORDS": "50", "NPS_SPOOL_MAX_BYTES": "65536",
                ])
            )
        )
        #expect(configuration.grpcPort == 6000)
        #expect(configuration.healthPort == 6001)
        #expect(configuration.bindHost == "127.0.0.1")
        #expect(configuration.anthropicAPIKey == "sk-test")
        #expect(configuration.anthropicBaseURL == "http://127.0.0.1:9999")
        #expect(configuration.aiModel == "claude-test")
        #expect(configuration.aiTimeout == .seconds(3))
        #expect(configuration.logLevel == .warning)
        #expect(configuration.logFile == "/tmp/x.log")
        #expect(configuration.logMaxBytes == 2048)
        #expect(configuration.logBackups == 2)
        #expect(configuration.maxRequestBytes == 4096)
        #expect(configuration.spool == RecordSpool.Configuration(directory: "/data/spool", maxRecords: 50, maxBytes: 65536))
    }

    @Test(
        "LOG_LEVEL is read in any case, with WARN and FATAL as aliases",
        arguments: [
            ("trace", Logger.Level.trace), ("DEBUG", .debug), ("Info", .info), ("notice", .notice),
            ("warning", .warning), ("warn", .warning), ("ERROR", .error), ("critical", .critical), ("fatal", .critical),
        ]
    )
    func logLevels(text: String, level: Logger.Level) throws {
        #expect(try OracleConfiguration(environment: ServiceEnvironment(Self.environment(["LOG_LEVEL": text]))).logLevel == level)
    }

    // MARK: every bad value names its variable

    @Test(
        "A bad value stops the start with a ConfigurationError naming the variable",
        arguments: [
            (["GRPC_PORT": "abc"], "GRPC_PORT"),
            (["NPS_SPOOL_MAX_RECORDS": "0"], "NPS_SPOOL_MAX_RECORDS"),
            (["NPS_SPOOL_MAX_RECORDS": "many"], "NPS_SPOOL_MAX_RECORDS"),
            (["NPS_SPOOL_MAX_BYTES": "100"], "NPS_SPOOL_MAX_BYTES"),
            (["GRPC_PORT": "70000"], "GRPC_PORT"),
            (["GRPC_PORT": "-1"], "GRPC_PORT"),
            (["HEALTH_PORT": "abc"], "HEALTH_PORT"),
            (["HEALTH_PORT": "70000"], "HEALTH_PORT"),
            (["HEALTH_PORT": "50052"], "HEALTH_PORT"),
            (["GRPC_PORT": "7000", "HEALTH_PORT": "7000"], "HEALTH_PORT"),
            (["DATABASE_URL": ""], "DATABASE_URL"),
            (["DATABASE_URL": "   "], "DATABASE_URL"),
            (["DATABASE_URL": "nonsense"], "DATABASE_URL"),
            (["DATABASE_URL": "mysql://nps:\(secret)@db:3306/nps"], "DATABASE_URL"),
            (["DATABASE_URL": "postgres://nps:\(secret)@db:5432"], "DATABASE_URL"),
            (["DATABASE_URL": "postgres://nps:\(secret)@db:5432/"], "DATABASE_URL"),
            (["DATABASE_URL": "postgres://nps:\(secret)@db/nps?sslmode=sometimes"], "DATABASE_URL"),
            (["LOG_LEVEL": "loud"], "LOG_LEVEL"),
            (["NPS_MASTER_PASSWORD": ""], "NPS_MASTER_PASSWORD"),
            (["NPS_MASTER_PASSWORD": "short"], "NPS_MASTER_PASSWORD"),
            (["ANTHROPIC_BASE_URL": "ftp://api.example.com"], "ANTHROPIC_BASE_URL"),
            (["ANTHROPIC_BASE_URL": "api.anthropic.com"], "ANTHROPIC_BASE_URL"),
            (["ANTHROPIC_BASE_URL": "http://example.com"], "ANTHROPIC_BASE_URL"),
            (["NPS_AI_TIMEOUT_SECONDS": "0"], "NPS_AI_TIMEOUT_SECONDS"),
            (["NPS_AI_TIMEOUT_SECONDS": "ten"], "NPS_AI_TIMEOUT_SECONDS"),
            (["LOG_MAX_BYTES": "10"], "LOG_MAX_BYTES"),
            (["LOG_BACKUPS": "many"], "LOG_BACKUPS"),
            (["GRPC_MAX_REQUEST_BYTES": "0"], "GRPC_MAX_REQUEST_BYTES"),
        ]
    )
    func badValueNamesVariable(extra: [String: String], variable: String) throws {
        let error = try #require(Self.error(for: extra))
        #expect(error.variable == variable)
        #expect(error.description.hasPrefix("\(variable): "))
        #expect(!error.problem.isEmpty)
    }

    @Test(
        "ANTHROPIC_BASE_URL: https to any host, plain http only to a loopback host (127.0.0.0/8, ::1, localhost)",
        arguments: [
            "https://api.anthropic.com", "https://example.com:8443/prefix", "https://10.0.0.5", "http://127.0.0.1", "http://127.0.0.1:9999",
            "http://127.8.9.10:80/v", "http://localhost", "http://LocalHost:8080", "http://[::1]", "http://[::1]:8080",
            "http://[0:0:0:0:0:0:0:1]:8080",
        ]
    )
    func anthropicBaseURLAccepted(url: String) throws {
        let configuration = try OracleConfiguration(environment: ServiceEnvironment(Self.environment(["ANTHROPIC_BASE_URL": url])))
        #expect(configuration.anthropicBaseURL == url)
    }

    @Test(
        "ANTHROPIC_BASE_URL: plain http off this machine, or another scheme, is refused naming the variable and why",
        arguments: [
            ("http://example.com", "use https"), ("http://10.0.0.5:8080", "use https"), ("http://127.0.0.1.example.com", "use https"),
            ("http://localhost.example.com", "use https"), ("http://[::2]", "use https"), ("http://[::ffff:127.0.0.1]", "use https"),
            ("http://0177.0.0.1", "use https"), ("http://127.1", "use https"), ("ftp://api.anthropic.com", "not an http(s) URL"),
            ("ftp://127.0.0.1", "not an http(s) URL"),
        ]
    )
    func anthropicBaseURLRefused(url: String, reason: String) throws {
        let error = try #require(Self.error(for: ["ANTHROPIC_BASE_URL": url]))
        #expect(error.variable == "ANTHROPIC_BASE_URL")
        #expect(error.description.hasPrefix("ANTHROPIC_BASE_URL: '\(url)' "), "\(error)")
        #expect(error.problem.contains(reason), "\(error)")
    }

    @Test("A bad value's message quotes the value so the operator sees what was read")
    func badValueIsQuoted() throws {
        #expect(try #require(Self.error(for: ["GRPC_PORT": "abc"])).description == "GRPC_PORT: 'abc' is not a port number (0-65535)")
        #expect(try #require(Self.error(for: ["GRPC_PORT": "70000"])).description.contains("'70000'"))
        #expect(try #require(Self.error(for: ["LOG_LEVEL": "loud"])).description.contains("'loud'"))
        #expect(try #require(Self.error(for: ["NPS_AI_TIMEOUT_SECONDS": "0"])).description.contains("'0'"))
    }

    @Test("GRPC_PORT 0 and HEALTH_PORT 0 (pick free ports) are not a clash")
    func bothPortsZero() throws {
        let configuration = try OracleConfiguration(environment: ServiceEnvironment(Self.environment(["GRPC_PORT": "0", "HEALTH_PORT": "0"])))
        #expect(configuration.grpcPort == 0)
        #expect(configuration.healthPort == 0)
    }

    // MARK: the database password never leaks

    @Test(
        "No DATABASE_URL error ever contains the database password",
        arguments: [
            "mysql://nps:\(secret)@db:3306/nps",
            "postgres://nps:\(secret)@db:5432",
            "postgres://nps:\(secret)@db:5432/",
            "postgres://nps:\(secret)@db/nps?sslmode=sometimes",
            "postgres://nps:\(secret)@db/nps?password=\(secret)",
            "postgres://nps:\(secret)@:5432/nps",
            "postgres://:\(secret)@db:5432/nps",
            "postgres://nps:\(secret)@db:0/nps",
            "nps:\(secret)@db/nps",
        ]
    )
    func passwordNeverInError(url: String) throws {
        let error = try #require(Self.error(for: ["DATABASE_URL": url]))
        #expect(error.variable == "DATABASE_URL")
        #expect(!error.description.contains(Self.secret))
        #expect(!String(describing: error).contains(Self.secret))
        #expect(!String(reflecting: error).contains(Self.secret))
    }

    @Test("A DatabaseURL prints with its password masked, also inside values that hold it (service-lifecycle logs services)")
    func databaseURLDescriptionMasksPassword() throws {
        let url = try DatabaseURL(parsing: "postgres://nps:\(Self.secret)@db:6543/nps?sslmode=require")
        #expect(String(describing: url) == "postgres://nps:***@db:6543/nps?sslmode=require")
        #expect(String(reflecting: url) == String(describing: url))
        let configuration = try OracleConfiguration(environment: ServiceEnvironment(Self.environment()))
        #expect(!String(describing: configuration.database).contains(Self.secret))
        struct Holder { let target: DatabaseURL }
        #expect(!String(describing: Holder(target: url)).contains(Self.secret))
        #expect(String(describing: try DatabaseURL(parsing: "postgres://nps@db/nps")) == "postgres://nps@db:5432/nps?sslmode=prefer")
    }

    // MARK: DatabaseURL

    @Test("DatabaseURL reads host, port, user, percent-encoded password, database and sslmode")
    func databaseURLParts() throws {
        let url = try DatabaseURL(parsing: "postgres://n%40ps:p%40ss%3Aw%2Fd%25@db.example:6543/nps_db?sslmode=require")
        #expect(url.host == "db.example")
        #expect(url.port == 6543)
        #expect(url.username == "n@ps")
        #expect(url.password == "p@ss:w/d%")
        #expect(url.database == "nps_db")
        #expect(url.tlsMode == .require)
    }

    @Test("DatabaseURL defaults to port 5432 and sslmode prefer, accepts postgresql:// and no password")
    func databaseURLDefaults() throws {
        let url = try DatabaseURL(parsing: "postgresql://nps@postgres/nps")
        #expect(url.host == "postgres")
        #expect(url.port == 5432)
        #expect(url.username == "nps")
        #expect(url.password == nil)
        #expect(url.database == "nps")
        #expect(url.tlsMode == .prefer)
    }

    @Test(
        "DatabaseURL knows every libpq sslmode",
        arguments: [
            ("disable", DatabaseURL.TLSMode.disable), ("allow", .allow), ("prefer", .prefer), ("require", .require),
            ("verify-ca", .verifyCA), ("verify-full", .verifyFull),
        ]
    )
    func sslModes(text: String, mode: DatabaseURL.TLSMode) throws {
        #expect(try DatabaseURL(parsing: "postgres://nps:pw@db/nps?sslmode=\(text)").tlsMode == mode)
    }

    @Test("DatabaseURL errors name the variable they were given and say what is wrong")
    func databaseURLErrors() throws {
        let scheme = #expect(throws: ConfigurationError.self) { try DatabaseURL(parsing: "mysql://u:p@h/d", variable: "OTHER_URL") }
        #expect(scheme?.variable == "OTHER_URL")
        #expect(scheme?.problem.contains("scheme 'mysql'") == true)
        let sslmode = #expect(throws: ConfigurationError.self) { try DatabaseURL(parsing: "postgres://u:p@h/d?sslmode=sometimes") }
        #expect(sslmode?.variable == "DATABASE_URL")
        #expect(sslmode?.problem.contains("sslmode 'sometimes'") == true)
        let database = #expect(throws: ConfigurationError.self) { try DatabaseURL(parsing: "postgres://u:p@h:5432") }
        #expect(database?.problem.contains("no database name") == true)
        let nonsense = #expect(throws: ConfigurationError.self) { try DatabaseURL(parsing: "nonsense") }
        #expect(nonsense?.problem.hasPrefix("not a URL") == true)
    }
}
