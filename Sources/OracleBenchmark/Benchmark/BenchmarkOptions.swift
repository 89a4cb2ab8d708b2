/// The command line of the benchmark:
/// `oracle-benchmark --server PATH --database-url URL [--duration SECONDS] [--json PATH] [--baseline PATH]`.
struct BenchmarkOptions: Sendable, Equatable {
    /// How the command line goes.
    static let usage = "oracle-benchmark --server PATH --database-url URL [--duration SECONDS] [--json PATH] [--baseline PATH]"

    /// Path of the `nps-oracle` binary to measure.
    var server: String
    /// The database the server uses.
    var databaseURL: String
    /// Length of each measured phase.
    var duration: Duration = .seconds(5)
    /// Where to write the figures as JSON (`BenchmarkReport`); nil for none.
    var jsonPath: String?
    /// A report of an earlier run (the committed baseline) to print each figure's ratio to; nil for none.
    var baselinePath: String?
    /// gRPC port for the server.
    var grpcPort = 50152
    /// Health port for the server.
    var healthPort = 8152

    /// Parses the arguments after the program name; throws `UsageError` naming the flag that is missing, unknown or wrong.
    init(arguments: [String]) throws {
        let flags = try FlagValues(arguments, known: ["--server", "--database-url", "--duration", "--json", "--baseline"])
        server = try flags.required("--server", "PATH")
        databaseURL = try flags.required("--database-url", "URL")
        if let seconds = try flags.wholeNumber("--duration", atLeast: 1) {
            duration = .seconds(seconds)
        }
        jsonPath = flags.contains("--json") ? try flags.required("--json", "PATH") : nil
        baselinePath = flags.contains("--baseline") ? try flags.required("--baseline", "PATH") : nil
    }
}
