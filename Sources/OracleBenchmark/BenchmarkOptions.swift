/// Command-line options of `oracle-benchmark`.
struct BenchmarkOptions: Sendable {
    /// A usage error, printed as is.
    struct Failure: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    /// Path of the `nps-oracle` binary to measure.
    var server: String
    /// The database the server uses.
    var databaseURL: String
    /// Length of each measured phase.
    var duration: Duration = .seconds(5)
    /// gRPC port for the server.
    var grpcPort = 50152
    /// Health port for the server.
    var healthPort = 8152

    /// Parses `--server PATH --database-url URL [--duration SECONDS]`.
    init(arguments: [String]) throws {
        var values: [String: String] = [:]
        var iterator = arguments.makeIterator()
        while let flag = iterator.next() {
            guard flag.hasPrefix("--"), let value = iterator.next() else {
                throw Failure(message: "usage: oracle-benchmark --server PATH --database-url URL [--duration SECONDS]")
            }
            values[String(flag.dropFirst(2))] = value
        }
        guard let server = values["server"], let databaseURL = values["database-url"] else {
            throw Failure(message: "usage: oracle-benchmark --server PATH --database-url URL [--duration SECONDS]")
        }
        self.server = server
        self.databaseURL = databaseURL
        if let text = values["duration"] {
            guard let seconds = Int(text), seconds > 0 else { throw Failure(message: "--duration: '\(text)' is not a whole number of seconds") }
            duration = .seconds(seconds)
        }
    }
}
