import Logging
import NIOCore
import ServiceRuntime

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Everything the Oracle reads from its environment, validated once at start.
struct OracleConfiguration: ServiceConfiguration {
    /// Address both listeners bind to.
    var bindHost: String = "0.0.0.0"
    /// gRPC port (`GRPC_PORT`); 0 picks a free port.
    var grpcPort: Int = 50052
    /// HTTP health port (`HEALTH_PORT`); 0 picks a free port.
    var healthPort: Int = 8052
    /// The database (`DATABASE_URL`, or the file `DATABASE_URL_FILE` names).
    var database: DatabaseURL
    /// Anthropic API key (`ANTHROPIC_API_KEY` or `ANTHROPIC_API_KEY_FILE`); nil means rule-based answers only.
    var anthropicAPIKey: String?
    /// Base URL of the Messages API (`ANTHROPIC_BASE_URL`): https, or http to a loopback host.
    var anthropicBaseURL: String = "https://api.anthropic.com"
    /// Model named in Messages API requests (`NPS_AI_MODEL`).
    var aiModel: String = "claude-sonnet-4-5"
    /// How long one Messages API call may take (`NPS_AI_TIMEOUT_SECONDS`).
    var aiTimeout: Duration = .seconds(10)
    /// The vault key (`NPS_MASTER_PASSWORD` or `NPS_MASTER_PASSWORD_FILE`) from which the insight encryption key is derived.
    var masterPassword: String
    /// Minimum level written (`LOG_LEVEL`).
    var logLevel: Logger.Level = .info
    /// Log file path (`LOG_FILE`).
    var logFile: String = "/app/logs/oracle.log"
    /// Size at which the log file rotates (`LOG_MAX_BYTES`).
    var logMaxBytes: Int = 10 * 1024 * 1024
    /// Rotated log files kept (`LOG_BACKUPS`).
    var logBackups: Int = 5
    /// Largest gRPC request accepted (`GRPC_MAX_REQUEST_BYTES`); larger ones get RESOURCE_EXHAUSTED.
    var maxRequestBytes: Int = 1024 * 1024
    /// The write spool: its folder (`NPS_SPOOL_DIR`), instance name (`NPS_SPOOL_INSTANCE`) and bounds
    /// (`NPS_SPOOL_MAX_RECORDS`, `NPS_SPOOL_MAX_BYTES`).
    var spool = RecordSpool.Configuration()

    /// The value `.env.example` ships for `ANTHROPIC_API_KEY`.
    static let apiKeyPlaceholder = "your_claude_api_key_here"
}

extension OracleConfiguration {
    /// Reads and validates `environment`; the first bad variable stops it with an error naming it.
    init(environment: ServiceEnvironment) throws(ConfigurationError) {
        guard let databaseText = try environment.secret("DATABASE_URL") else {
            throw ConfigurationError(
                variable: "DATABASE_URL",
                problem: "not set (nor DATABASE_URL_FILE); expected postgres://USER:PASSWORD@HOST:PORT/DATABASE"
            )
        }
        guard let masterPassword = try environment.secret("NPS_MASTER_PASSWORD") else {
            throw ConfigurationError(
                variable: "NPS_MASTER_PASSWORD",
                problem: "not set (nor NPS_MASTER_PASSWORD_FILE); the Oracle encrypts stored insights with a key derived from it"
            )
        }
        guard masterPassword.count >= 8 else {
            throw ConfigurationError(variable: "NPS_MASTER_PASSWORD", problem: "shorter than 8 characters")
        }
        self.init(database: try DatabaseURL(parsing: databaseText), masterPassword: masterPassword)

        if let port = try environment.port("GRPC_PORT") { grpcPort = port }
        if let port = try environment.port("HEALTH_PORT") { healthPort = port }
        if grpcPort != 0, grpcPort == healthPort {
            throw ConfigurationError(variable: "HEALTH_PORT", problem: "\(healthPort) is the same as GRPC_PORT")
        }
        if let host = environment.value("BIND_HOST") { bindHost = host }
        // The .env.example placeholder is not a key: treat it as unset rather than failing every AI call.
        anthropicAPIKey = try environment.secret("ANTHROPIC_API_KEY").flatMap { $0 == Self.apiKeyPlaceholder ? nil : $0 }
        if let base = environment.value("ANTHROPIC_BASE_URL") {
            guard let url = URLComponents(string: base), url.scheme == "http" || url.scheme == "https", let host = url.host, !host.isEmpty else {
                throw ConfigurationError(variable: "ANTHROPIC_BASE_URL", problem: "'\(base)' is not an http(s) URL")
            }
            // Every call carries the key in a header: without TLS anyone on the way could read it, so plain http is
            // only for a host on this machine (the tests' stand-ins).
            guard url.scheme == "https" || Self.isLoopback(host: host) else {
                throw ConfigurationError(
                    variable: "ANTHROPIC_BASE_URL",
                    problem: "'\(base)' is plain http to a host that is not loopback, which would send the API key unencrypted; "
                        + "use https (http only for 127.0.0.0/8, ::1 or localhost)"
                )
            }
            anthropicBaseURL = base.hasSuffix("/") ? String(base.dropLast()) : base
        }
        if let model = environment.value("NPS_AI_MODEL") { aiModel = model }
        if let seconds = try environment.integer("NPS_AI_TIMEOUT_SECONDS", in: 1...120, meaning: "a number of seconds") {
            aiTimeout = .seconds(seconds)
        }
        if let level = try environment.logLevel() { logLevel = level }
        if let file = environment.value("LOG_FILE") { logFile = file }
        if let bytes = try environment.integer("LOG_MAX_BYTES", in: 1024...(1 << 40), meaning: "a size in bytes") { logMaxBytes = bytes }
        if let backups = try environment.integer("LOG_BACKUPS", in: 0...100, meaning: "a number of files") { logBackups = backups }
        if let bytes = try environment.integer("GRPC_MAX_REQUEST_BYTES", in: 1024...(64 << 20), meaning: "a size in bytes") {
            maxRequestBytes = bytes
        }
        if let directory = environment.value("NPS_SPOOL_DIR") {
            spool.directory = directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        }
        // Read as given: set but blank is an error, not unset, so that a template rendered empty cannot put several
        // Oracles in the one unlocked folder of the unset case.
        if let instance = environment.values["NPS_SPOOL_INSTANCE"] {
            if let problem = RecordSpool.Configuration.problem(withInstance: instance) {
                throw ConfigurationError(variable: "NPS_SPOOL_INSTANCE", problem: problem)
            }
            spool.instance = instance
        }
        if let records = try environment.integer("NPS_SPOOL_MAX_RECORDS", in: 1...100_000_000, meaning: "a number of records") {
            spool.maxRecords = records
        }
        if let bytes = try environment.integer("NPS_SPOOL_MAX_BYTES", in: 4096...(1 << 40), meaning: "a size in bytes") {
            spool.maxBytes = bytes
        }
    }

    /// Whether `host`, as a URL names it (an IPv6 address in brackets), is this machine: localhost, 127.0.0.0/8 or ::1.
    private static func isLoopback(host: String) -> Bool {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        if bare.lowercased() == "localhost" { return true }
        // Parsed as an address and printed back, so every spelling of ::1 counts and no name that merely starts with
        // 127. does (a name could resolve anywhere).
        guard let address = try? SocketAddress(ipAddress: bare, port: 0), let canonical = address.ipAddress else { return false }
        return address.protocol == .inet ? canonical.hasPrefix("127.") : canonical == "::1"
    }
}
