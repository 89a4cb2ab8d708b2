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

    @Test("--wait-ready takes fractional seconds; --concurrency overrides the default")
    func waitReadyAndConcurrency() throws {
        let wait = try LoadOptions(arguments: ["--target", "[::1]:50052", "--wait-ready", "2.5"])
        #expect(wait.mode == .waitReady(budget: .milliseconds(2500)))
        #expect(wait.target == OracleTarget(host: "::1", port: 50052))
        let readings = try LoadOptions(arguments: ["--target", "h:2", "--readings", "1000", "--concurrency", "8"])
        #expect(readings.concurrency == 8)
    }

    @Test(
        "a bad command line is a usage error that names what is wrong",
        arguments: [
            (["--readings", "5"], "missing --target HOST:PORT"),
            (["--target", "h:1"], "missing a mode: --wait-ready SECONDS, --readings N or --flood-bytes B"),
            (["--target", "h:1", "--readings", "5", "--flood-bytes", "9"], "--readings and --flood-bytes cannot be given together: give one mode"),
            (["--target", "h:1", "--readings", "five"], "--readings: 'five' is not a whole number ≥ 0"),
            (["--target", "h:1", "--readings", "5", "--concurrency", "0"], "--concurrency: '0' is not a whole number ≥ 1"),
            (["--target", "h:1", "--wait-ready", "-1"], "--wait-ready: '-1' is not a number of seconds from 0 to 86400"),
            (["--target", "h:1", "--readings", "5", "--rate", "3"], "unknown flag --rate"),
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
