import Foundation

/// `oracle-benchmark`: the benchmark of a release Oracle it starts itself (figures for people, used by
/// dev/benchmark.sh), or `load`, a gRPC load against a running Oracle that prints one JSON line (used by the
/// checkpoint suites).
///
/// Exit status: 0 done (load: every call succeeded, or the Oracle became ready, or the server closed the abusive
/// connection); 1 the benchmark failed (load: some calls failed, or the Oracle never became ready, or the abused
/// connection stayed open; the JSON line is printed all the same); 2 bad usage, or the load could not make its gRPC
/// client (no JSON).
@main
enum BenchmarkMain {
    /// Both command lines.
    static let usage = """
        usage: \(LoadOptions.usage)
               \(BenchmarkOptions.usage)
        """

    /// Runs the command line and exits with its status.
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let isLoad = arguments.first == "load"
        do {
            exit(try await run(isLoad ? Array(arguments.dropFirst()) : arguments, load: isLoad))
        } catch let error as UsageError {
            fail("\(error)\n\(usage)", status: 2)
        } catch {
            fail("\(error)", status: isLoad ? 2 : 1)
        }
    }

    /// Runs one command: the load (printing its JSON line) or the benchmark; returns the exit status.
    static func run(_ arguments: [String], load: Bool) async throws -> Int32 {
        if arguments.contains("--help") || arguments.contains("-h") {
            print(usage)
            return 0
        }
        guard load else {
            try await BenchmarkRun(options: BenchmarkOptions(arguments: arguments)).run()
            return 0
        }
        let (line, status) = try await LoadCommand(options: LoadOptions(arguments: arguments)).run()
        print(line)
        return status
    }

    /// Writes "oracle-benchmark: `message`" to standard error and exits with `status`.
    static func fail(_ message: String, status: Int32) -> Never {
        FileHandle.standardError.write(Data("oracle-benchmark: \(message)\n".utf8))
        exit(status)
    }
}
