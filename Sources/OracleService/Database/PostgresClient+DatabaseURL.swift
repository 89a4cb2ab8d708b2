import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO

extension DatabaseURL {
    /// The TLS settings `sslmode` asks for: none, or a configuration and whether the server must use it.
    var tls: (configuration: TLSConfiguration, required: Bool)? {
        var config = TLSConfiguration.makeClientConfiguration()
        switch tlsMode {
        case .disable:
            return nil
        case .allow, .prefer, .require:
            config.certificateVerification = .none
            return (config, tlsMode == .require)
        case .verifyCA:
            config.certificateVerification = .noHostnameVerification
            return (config, true)
        case .verifyFull:
            return (config, true)
        }
    }
}

extension PostgresClient.Configuration {
    /// The client configuration for `url`, with timeouts short enough for a health answer under 2 s.
    init(_ url: DatabaseURL) {
        let tls: PostgresClient.Configuration.TLS =
            switch url.tls {
            case nil: .disable
            case let (config, required)?: required ? .require(config) : .prefer(config)
            }
        self.init(host: url.host, port: url.port, username: url.username, password: url.password, database: url.database, tls: tls)
        options.connectTimeout = .seconds(3)
        options.maximumConnections = 8
    }
}

extension PostgresConnection {
    /// Opens one connection to `url` outside the pool, which keeps its connection errors to itself and only makes
    /// queries wait: a connection of its own says at once why the database cannot be reached ("password
    /// authentication failed …", "connection refused").
    static func open(_ url: DatabaseURL, logger: Logger) async throws -> PostgresConnection {
        let tls: PostgresConnection.Configuration.TLS =
            switch url.tls {
            case nil: .disable
            case let (config, required)?:
                required ? .require(try NIOSSLContext(configuration: config)) : .prefer(try NIOSSLContext(configuration: config))
            }
        var configuration = PostgresConnection.Configuration(
            host: url.host,
            port: url.port,
            username: url.username,
            password: url.password,
            database: url.database,
            tls: tls
        )
        configuration.options.connectTimeout = .seconds(1)
        return try await PostgresConnection.connect(
            on: MultiThreadedEventLoopGroup.singleton.any(),
            configuration: configuration,
            id: 0,
            logger: logger
        ).get()
    }
}
