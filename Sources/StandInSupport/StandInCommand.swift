#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The command line both stand-ins share: no argument serves, `healthcheck` probes a running one (the container's HEALTHCHECK).
public enum StandInCommand {
    /// Dispatches on the arguments: `serve` runs the stand-in; `probe`'s status becomes the exit status of `healthcheck`.
    public static func main(
        program: String,
        serve: (StandInEnvironment) async -> Void,
        probe: (StandInEnvironment) async -> Int32
    ) async {
        let arguments = CommandLine.arguments.dropFirst()
        let environment = StandInEnvironment(ProcessInfo.processInfo.environment)
        switch arguments.first {
        case nil:
            // A closed stdout (a log collector that went away) must not kill the stand-in.
            signal(SIGPIPE, SIG_IGN)
            await serve(environment)
        case "healthcheck":
            exit(await probe(environment))
        default:
            ProcessExit.fail(program: program, "unknown argument '\(arguments.joined(separator: " "))'; usage: \(program) [healthcheck]")
        }
    }
}
