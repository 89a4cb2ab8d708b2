/// The command line of `oracle-benchmark load`: the Oracle to drive (or, for `--abuse`, any port of the stack), one
/// mode, and how many calls to keep in flight.
struct LoadOptions: Sendable, Equatable {
    /// How the command line goes.
    static let usage =
        "oracle-benchmark load --target HOST:PORT (--wait-ready SECONDS | --readings N | --flood-bytes B | --writes N --key-prefix P"
        + " [--rate CALLS_PER_SECOND] [--deadline-ms D] [--for SECONDS] | --input-limits B | --fuzz N [--seed S]"
        + " | --abuse KIND [--hold SECONDS] [--frames N]) [--concurrency C]"

    /// The largest value `--input-limits` sends: it must stay within the Oracle's 1 MiB request limit.
    static let maxProbeBytes = 1_000_000
    /// The most messages one `--fuzz` run sends.
    static let maxFuzzMessages = 1_000_000

    /// The Oracle's gRPC server; for `--abuse`, whatever port is abused (the HTTP ports too).
    var target: OracleTarget
    /// What to do.
    var mode: LoadMode
    /// Calls in flight at once: `--concurrency`, else the mode's default (unused by `--wait-ready` and `--abuse`).
    var concurrency: Int

    /// Parses the arguments after `load`; throws `UsageError` naming the flag that is missing, unknown, repeated or wrong.
    init(arguments: [String]) throws {
        let flags = try FlagValues(
            arguments,
            known: Set(LoadMode.flags + LoadMode.writeFlags + LoadMode.fuzzFlags + LoadMode.abuseFlags + ["--target", "--concurrency"])
        )
        target = try OracleTarget(parsing: flags.required("--target", "HOST:PORT"), flag: "--target")
        let given = LoadMode.flags.filter(flags.contains)
        guard given.count == 1 else {
            throw UsageError(
                given.isEmpty
                    ? "missing a mode: --wait-ready SECONDS, --readings N, --flood-bytes B, --writes N, --input-limits B, --fuzz N or --abuse KIND"
                    : "\(given.joined(separator: " and ")) cannot be given together: give one mode"
            )
        }
        if !flags.contains("--writes"), let stray = LoadMode.writeFlags.first(where: flags.contains) {
            throw UsageError("\(stray) is only for --writes N")
        }
        if !flags.contains("--fuzz"), let stray = LoadMode.fuzzFlags.first(where: flags.contains) {
            throw UsageError("\(stray) is only for --fuzz N")
        }
        if !flags.contains("--abuse"), let stray = LoadMode.abuseFlags.first(where: flags.contains) {
            throw UsageError("\(stray) is only for --abuse KIND")
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
            try Self.abuse(flags).map(LoadMode.abuse),
        ]
        guard let mode = modes.compactMap({ $0 }).first else { throw UsageError("missing a mode") }
        self.mode = mode
        concurrency = try flags.wholeNumber("--concurrency", atLeast: 1) ?? mode.defaultConcurrency
    }

    // `--abuse KIND` with its hold (above 0) and frame bound; nil when not given.
    private static func abuse(_ flags: FlagValues) throws -> AbuseRun? {
        guard flags.contains("--abuse") else { return nil }
        let name = try flags.required("--abuse", "KIND")
        guard let kind = AbuseKind(rawValue: name) else { throw UsageError("--abuse: '\(name)' is not one of \(AbuseKind.names)") }
        var run = AbuseRun(kind: kind)
        if let hold = try flags.seconds("--hold") {
            guard hold > .zero else { throw UsageError("--hold: the connection must be held for more than 0 seconds") }
            run.hold = hold
        }
        run.frames = try flags.wholeNumber("--frames", atLeast: 1, atMost: AbuseRun.maxFrames) ?? run.frames
        return run
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
