import ServiceRuntime

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A parsed `postgres://user:pass@host:port/db?sslmode=...` connection string.
struct DatabaseURL: Sendable, Equatable {
    /// How TLS is negotiated, as libpq's `sslmode` names it.
    enum TLSMode: String, Sendable, CaseIterable {
        case disable, allow, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    /// The server's host name or address.
    var host: String
    /// The server's TCP port.
    var port: Int
    /// The role to log in as.
    var username: String
    /// The role's password, if any.
    var password: String?
    /// The database to open.
    var database: String
    /// How TLS is negotiated.
    var tlsMode: TLSMode

    /// Parses `text`; the thrown error names `variable` and never repeats the password.
    init(parsing text: String, variable: String = "DATABASE_URL") throws(ConfigurationError) {
        func fail(_ problem: String) -> ConfigurationError {
            ConfigurationError(
                variable: variable,
                problem: "\(problem); expected postgres://USER:PASSWORD@HOST:PORT/DATABASE[?sslmode=disable|prefer|require]"
            )
        }
        guard let components = URLComponents(string: text), let scheme = components.scheme else {
            throw fail("not a URL")
        }
        guard scheme == "postgres" || scheme == "postgresql" else {
            throw fail("scheme '\(scheme)' is not postgres or postgresql")
        }
        guard let host = components.host, !host.isEmpty else { throw fail("no host") }
        guard let username = components.user, !username.isEmpty else { throw fail("no user name") }
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty, !database.contains("/") else { throw fail("no database name in the path") }
        let port = components.port ?? 5432
        guard (1...65535).contains(port) else { throw fail("port \(port) is out of range") }

        var tlsMode = TLSMode.prefer
        for item in components.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                guard let value = item.value, let mode = TLSMode(rawValue: value) else {
                    let allowed = TLSMode.allCases.map(\.rawValue).joined(separator: ", ")
                    throw fail("sslmode '\(item.value ?? "")' is not one of \(allowed)")
                }
                tlsMode = mode
            default:
                throw fail("unknown parameter '\(item.name)'")
            }
        }

        self.host = host
        self.port = port
        self.username = components.percentEncodedUser?.removingPercentEncoding ?? username
        self.password = components.percentEncodedPassword?.removingPercentEncoding
        self.database = database
        self.tlsMode = tlsMode
    }
}

extension DatabaseURL: CustomStringConvertible, CustomDebugStringConvertible {
    /// The URL with the password masked. Anything that prints a value holding a `DatabaseURL` (swift-service-lifecycle
    /// logs each service with `String(describing:)` at debug level) then shows `***`, never the password.
    var description: String {
        "postgres://\(username)\(password == nil ? "" : ":***")@\(host):\(port)/\(database)?sslmode=\(tlsMode.rawValue)"
    }

    var debugDescription: String { description }
}
