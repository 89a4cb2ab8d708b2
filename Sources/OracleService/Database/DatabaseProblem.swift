import PostgresNIO

/// Why a database probe failed, in words a person can act on: the server's message and SQLSTATE (a wrong password
/// reads "password authentication failed for user \"nps\" (SQLSTATE 28P01)"), what the connection said, or that
/// nothing answered in time.
struct DatabaseProblem: Sendable, Equatable, CustomStringConvertible {
    /// The reason, in one line.
    let description: String

    /// The probe got no answer within `limit`.
    static func noAnswer(within limit: Duration) -> DatabaseProblem {
        DatabaseProblem(description: "no answer within \(limit)")
    }

    /// The reason `error` gives: the server's message and SQLSTATE first, then the connection's own error.
    init(_ error: any Error) {
        guard let error = error as? PSQLError else {
            self.init(description: "\(error)")
            return
        }
        if let message = error.serverInfo?[.message], let state = error.serverInfo?[.sqlState] {
            self.init(description: "\(message) (SQLSTATE \(state))")
        } else if let underlying = error.underlying {
            self.init(description: "\(error.code): \(underlying)")
        } else {
            self.init(description: "\(error.code)")
        }
    }

    /// A reason as it stands.
    init(description: String) {
        self.description = description
    }
}
