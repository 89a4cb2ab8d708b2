import Testing

@testable import OracleBenchmark

/// `oracle-benchmark load`'s command line: the modes, their defaults, and usage errors that name the bad flag.
@Suite("oracle-benchmark load: command line")
struct LoadOptionsTests {
    @Test("--readings N defaults to one call at a time, --flood-bytes B to eight")
    func modeDefaults() throws {
        let readings = try LoadOptions(arguments: ["--target", "127.0.0.1:50052", "--readings", "200"])
        #expect(readings.target == OracleTarget(host: "127.0.0.1", port: 50052))
        #expect(readings.mode == .readings(count: 200))
        #expect(readings.concurrency == 1)
        let flood = try LoadOptions(arguments: ["--flood-bytes=66000000", "--target=localhost:1"])
        #expect(flood.mode == .flood(bytes: 66_000_000))
        #expect(flood.concurrency == 8)
    }

    @Test("--input-limits B probes one at a time; --fuzz N sends eight at a time, with seed 1 unless --seed S")
    func probes() throws {
        let limits = try LoadOptions(arguments: ["--target", "h:1", "--input-limits", "100000"])
        #expect(limits.mode == .inputLimits(bytes: 100_000) && limits.concurrency == 1)
        let fuzz = try LoadOptions(arguments: ["--target", "h:1", "--fuzz", "500"])
        #expect(fuzz.mode == .fuzz(FuzzRun(count: 500, seed: 1)) && fuzz.concurrency == 8)
        let seeded = try LoadOptions(arguments: ["--target", "h:1", "--fuzz", "500", "--seed", "42", "--concurrency", "16"])
        #expect(seeded.mode == .fuzz(FuzzRun(count: 500, seed: 42)) && seeded.concurrency == 16)
    }

    @Test("--wait-ready takes fractional seconds; --concurrency overrides the default")
    func waitReadyAndConcurrency() throws {
        let wait = try LoadOptions(arguments: ["--target", "[::1]:50052", "--wait-ready", "2.5"])
        #expect(wait.mode == .waitReady(budget: .milliseconds(2500)))
        #expect(wait.target == OracleTarget(host: "::1", port: 50052))
        let readings = try LoadOptions(arguments: ["--target", "h:2", "--readings", "1000", "--concurrency", "8"])
        #expect(readings.concurrency == 8)
    }

    @Test("--writes N needs --key-prefix; the pace, the call deadline and the time budget are optional")
    func writes() throws {
        let plain = try LoadOptions(arguments: ["--target", "127.0.0.1:50052", "--writes", "20", "--key-prefix", "int-a.b_c:1"])
        #expect(plain.mode == .writes(WriteLoad(calls: 20, keyPrefix: "int-a.b_c:1")))
        #expect(plain.concurrency == 1)
        guard case .writes(let load) = plain.mode else { return }
        #expect(load.kinds == [.suggestRange, .analyzeSession] && load.rate == nil && load.budget == nil)
        #expect(load.deadline == .seconds(5))
        #expect((load.key(0), load.kind(0), load.key(7), load.kind(7)) == ("int-a.b_c:1-0", .suggestRange, "int-a.b_c:1-7", .analyzeSession))

        let longest = String(repeating: "k", count: 100)
        let full = try LoadOptions(arguments: [
            "--target", "h:1", "--writes", "1000000", "--key-prefix", longest, "--rate", "2.5", "--deadline-ms", "800", "--for", "30",
            "--concurrency", "4",
        ])
        #expect(
            full.mode == .writes(WriteLoad(calls: 1_000_000, keyPrefix: longest, rate: 2.5, deadline: .milliseconds(800), budget: .seconds(30)))
        )
        #expect(full.concurrency == 4)
    }

    @Test(
        "a bad --writes command line names the flag: a missing or bad key prefix, bounds, flags of --writes without it",
        arguments: [
            (["--writes", "5"], "missing --key-prefix P"),
            (["--writes", "5", "--key-prefix", ""], "--key-prefix: '' is not 1 to 100 bytes of printable ASCII without spaces"),
            (["--writes", "5", "--key-prefix", "a b"], "--key-prefix: 'a b' is not 1 to 100 bytes of printable ASCII without spaces"),
            (["--writes", "5", "--key-prefix", "clé"], "--key-prefix: 'clé' is not 1 to 100 bytes of printable ASCII without spaces"),
            (["--writes", "5", "--key-prefix", "a\tb"], "--key-prefix: 'a\tb' is not 1 to 100 bytes of printable ASCII without spaces"),
            (
                ["--writes", "5", "--key-prefix", String(repeating: "k", count: 101)],
                "--key-prefix: '\(String(repeating: "k", count: 101))' is not 1 to 100 bytes of printable ASCII without spaces"
            ),
            (["--writes", "0", "--key-prefix", "p"], "--writes: '0' is not a whole number from 1 to 1000000"),
            (["--writes", "1000001", "--key-prefix", "p"], "--writes: '1000001' is not a whole number from 1 to 1000000"),
            (["--writes", "5", "--key-prefix", "p", "--rate", "0"], "--rate: '0' is not a number above 0 and at most 100000"),
            (["--writes", "5", "--key-prefix", "p", "--rate", "nan"], "--rate: 'nan' is not a number above 0 and at most 100000"),
            (["--writes", "5", "--key-prefix", "p", "--deadline-ms", "0"], "--deadline-ms: '0' is not a whole number from 1 to 600000"),
            (["--writes", "5", "--key-prefix", "p", "--for", "-1"], "--for: '-1' is not a number of seconds from 0 to 86400"),
            (["--readings", "5", "--key-prefix", "p"], "--key-prefix is only for --writes N"),
            (["--flood-bytes", "5", "--for", "3"], "--for is only for --writes N"),
            (["--writes", "5", "--key-prefix", "p", "--readings", "5"], "--readings and --writes cannot be given together: give one mode"),
        ]
    )
    func writeUsageErrors(arguments: [String], message: String) {
        #expect(throws: UsageError(message)) { try LoadOptions(arguments: ["--target", "h:1"] + arguments) }
    }

    @Test(
        "a bad command line is a usage error that names what is wrong",
        arguments: [
            (["--readings", "5"], "missing --target HOST:PORT"),
            (
                ["--target", "h:1"],
                "missing a mode: --wait-ready SECONDS, --readings N, --flood-bytes B, --writes N, --input-limits B, --fuzz N or --abuse KIND"
            ),
            (["--target", "h:1", "--readings", "5", "--seed", "3"], "--seed is only for --fuzz N"),
            (["--target", "h:1", "--fuzz", "0"], "--fuzz: '0' is not a whole number from 1 to 1000000"),
            (["--target", "h:1", "--input-limits", "300"], "--input-limits: '300' is not a whole number from 301 to 1000000"),
            (["--target", "h:1", "--readings", "5", "--flood-bytes", "9"], "--readings and --flood-bytes cannot be given together: give one mode"),
            (["--target", "h:1", "--readings", "five"], "--readings: 'five' is not a whole number ≥ 0"),
            (["--target", "h:1", "--readings", "5", "--concurrency", "0"], "--concurrency: '0' is not a whole number ≥ 1"),
            (["--target", "h:1", "--wait-ready", "-1"], "--wait-ready: '-1' is not a number of seconds from 0 to 86400"),
            (["--target", "h:1", "--readings", "5", "--port", "3"], "unknown flag --port"),
            (["--target", "h:1", "--readings", "5", "--rate", "3"], "--rate is only for --writes N"),
            (["--target", "h:1", "--readings", "5", "--readings", "6"], "--readings is given twice"),
            (["--target", "--readings", "5"], "--target needs a value"),
            (["--target", "h:1", "--readings"], "--readings needs a value"),
            (["--target", "h:1", "5"], "unexpected argument '5'"),
            (["--target", "h", "--readings", "5"], "--target: 'h' is not HOST:PORT"),
            (["--target", "h:70000", "--readings", "5"], "--target: 'h:70000' is not HOST:PORT"),
            (["--target", ":50052", "--readings", "5"], "--target: ':50052' has no host"),
        ]
    )
    func usageErrors(arguments: [String], message: String) {
        #expect(throws: UsageError(message)) { try LoadOptions(arguments: arguments) }
    }

    @Test("the benchmark's command line still parses, and names a missing or unknown flag")
    func benchmarkOptions() throws {
        let options = try BenchmarkOptions(arguments: ["--server", "/bin/nps-oracle", "--database-url", "postgres://x", "--duration", "3"])
        #expect(options.server == "/bin/nps-oracle")
        #expect(options.databaseURL == "postgres://x")
        #expect(options.duration == .seconds(3))
        #expect(throws: UsageError("missing --database-url URL")) { try BenchmarkOptions(arguments: ["--server", "s"]) }
        #expect(throws: UsageError("unknown flag --port")) { try BenchmarkOptions(arguments: ["--port", "1"]) }
        #expect(throws: UsageError("--duration: '0' is not a whole number ≥ 1")) {
            try BenchmarkOptions(arguments: ["--server", "s", "--database-url", "u", "--duration", "0"])
        }
    }
}
