import NIOSSL
import PostgresNIO

extension PostgresClient.Configuration {
    /// The client configuration for `url`, with timeouts short enough for a health answer under 2 s.
    init(_ url: DatabaseURL) {
        let tls: PostgresClient.Configuration.TLS
        switch url.tlsMode {
        case .disable:
            tls = .disable
        case .allow, .prefer:
            var config = TLSConfiguration.makeClientConfiguration()
            config.certificateVerification = .none
            tls = .prefer(config)
        case .require:
            var config = TLSConfiguration.makeClientConfiguration()
            config.certificateVerification = .none
            tls = .require(config)
        case .verifyCA:
            var config = TLSConfiguration.makeClientConfiguration()
            config.certificateVerification = .noHostnameVerification
            tls = .require(config)
        case .verifyFull:
            tls = .require(.makeClientConfiguration())
        }
        self.init(host: url.host, port: url.port, username: url.username, password: url.password, database: url.database, tls: tls)
        options.connectTimeout = .seconds(3)
        options.maximumConnections = 8
    }
}
