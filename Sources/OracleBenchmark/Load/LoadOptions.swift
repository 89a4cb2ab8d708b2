/// The command line of `oracle-benchmark load`: the Oracle to drive, one mode, and how many calls to keep in flight.
struct LoadOptions: Sendable, Equatable {
    /// How the command line goes.
    static let usage = "oracle-benchmark load --target HOST:PORT (--wait-ready SECONDS | --readings N | --flood-bytes B) [--concurrency C]"

    /// The Oracle's gRPC server.
    var target: OracleTarget
    /// What to do.
    var mode: LoadMode
    /// Calls in flight at once: `--concurrency`, else the mode's default (unused by `--wait-ready`).
    var concurrency: Int

    /// Parses the arguments after `load`; throws `UsageError` naming the flag that is missing, unknown, repeated or wrong.
    init(arguments: [String]) throws {
        let flags = try FlagValues(arguments, known: Set(LoadMode.flags + ["--target", "--concurrency"]))
        target = try OracleTarget(parsing: flags.required("--target", "HOST:PORT"), flag: "--target")
        let given = LoadMode.flags.filter(flags.contains)
        guard given.count == 1 else {
            throw UsageError(
                given.isEmpty
                    ? "missing a mode: --wait-ready SECONDS, --readings N or --flood-bytes B"
                    : "\(given.joined(separator: " and ")) cannot be given together: give one mode"
            )
        }
        let modes = try [
            flags.seconds("--wait-ready").map(LoadMode.waitReady(budget:)),
            flags.wholeNumber("--readings", atLeast: 0).map(LoadMode.readings(count:)),
            flags.wholeNumber("--flood-bytes", atLeast: 0).map(LoadMode.flood(bytes:)),
        ]
        guard let mode = modes.compactMap({ $0 }).first else { throw UsageError("missing a mode") }
        self.mode = mode
        concurrency = try flags.wholeNumber("--concurrency", atLeast: 1) ?? mode.defaultConcurrency
    }
}
