/// The command line of `oracle-benchmark load`: the Oracle to drive, one mode, and how many calls to keep in flight.
struct LoadOptions: Sendable, Equatable {
    /// How the command line goes.
    static let usage =
        "oracle-benchmark load --target HOST:PORT (--wait-ready SECONDS | --readings N | --flood-bytes B | --writes N --key-prefix P"
        + " [--rate CALLS_PER_SECOND] [--deadline-ms D] [--for SECONDS] | --input-limits B | --fuzz N [--seed S]) [--concurrency C]"

    /// The largest value `--input-limits` sends: it must stay within the Oracle's 1 MiB request limit.
    static let maxProbeBytes = 1_000_000
    /// The most messages one `--fuzz` run sends.
    static let maxFuzzMessages = 1_000_000

    /// The Oracle's gRPC server.
    var target: OracleTarget
    /// What to do.
    var mode: LoadMode
    /// Calls in flight at once: `--concurrency`, else the mode's default (unused by `--wait-ready`).
    var concurrency: Int

    /// Parses the arguments after `load`; throws `UsageError` naming the flag that is missing, unknown, repeated or wrong.
    init(arguments: [String]) throws {
        let flags = try FlagValues(
            arguments,
            known: Set(LoadMode.flags + LoadMode.writeFlags + LoadMode.fuzzFlags + ["--target", "--concurrency"])
        )
        target = try OracleTarget(parsing: flags.required("--target", "HOST:PORT"), flag: "--target")
        let given = LoadMode.flags.filter(flags.contains)
        guard given.count == 1 else {
            throw UsageError(
                given.isEmpty
                    ? "missing a mode: --wait-ready SECONDS, --readings N, --flood-bytes B, --writes N, --input-limits B or --fuzz N"
                    : "\(given.joined(separator: " and ")) cannot be given together: give one mode"
            )
        }
        if !flags.contains("--writes"), let stray = LoadMode.writeFlags.first(where: flags.contains) {
            throw UsageError("\(stray) is only for --writes N")
        }
        if !flags.contains("--fuzz"), let stray = LoadMode.fuzzFlags.first(where: flags.contains) {
            throw UsageError("\(stray) is only for --fuzz N")
        }
        let modes = try [
            flags.seconds("--wait-ready").map(LoadMode.waitReady(budget:)),
            flags.wholeNumber("--readings", atLeast: 0).map(LoadMode.readings(count:)),
            flags.wholeNumber("--flood-bytes", atLeast: 0).map(LoadMode.flood(bytes:)),
            flags.wholeNumber("--writes", atLeast: 1, atMost: WriteLoad.maxCalls).map { try LoadMode.writes(Self.writeLoad(calls: $0, flags)) },
            flags.wholeNumber("--input-limits", atLeast: 301, atMost: Self.maxProbeBytes).map(LoadMode.inputLimits(bytes:)),
            try flags.wholeNumber("--fuzz", atLeast: 1, atMost: Self.maxFuzzMessages).map { count in
                LoadMode.fuzz(FuzzRun(count: count, seed: UInt64(try flags.wholeNumber("--seed", atLeast: 0) ?? 1)))
            },
        ]
        guard let mode = modes.compactMap({ $0 }).first else { throw UsageError("missing a mode") }
        self.mode = mode
        concurrency = try flags.wholeNumber("--concurrency", atLeast: 1) ?? mode.defaultConcurrency
    }

    // The rest of `--writes N`: the key prefix it needs, and the pace, call deadline and time budget it may have.
    private static func writeLoad(calls: Int, _ flags: FlagValues) throws -> WriteLoad {
        let prefix = try flags.required("--key-prefix", "P")
        guard WriteLoad.isValidPrefix(prefix) else {
            throw UsageError("--key-prefix: '\(prefix)' is not 1 to \(WriteLoad.maxPrefixBytes) bytes of printable ASCII without spaces")
        }
        var load = WriteLoad(calls: calls, keyPrefix: prefix)
        load.rate = try flags.positiveNumber("--rate", atMost: WriteLoad.maxRate)
        if let milliseconds = try flags.wholeNumber("--deadline-ms", atLeast: 1, atMost: WriteLoad.maxDeadlineMilliseconds) {
            load.deadline = .milliseconds(milliseconds)
        }
        load.budget = try flags.seconds("--for")
        return load
    }
}
