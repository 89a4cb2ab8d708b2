import Foundation
import ProcessRunning

/// Commands whose standard output is data to read (JSON mostly).
extension CommandRunner {
    /// Runs the command (throwing `CommandFailure` unless it succeeds) and decodes its standard output with `decode`.
    func runDecoding<Value: Sendable>(
        _ command: Command,
        timeout: Duration?,
        decode: (Data) throws -> Value
    ) async throws -> CommandOutput<Value> {
        let result = try await run(command, timeout: timeout)
        do {
            return CommandOutput(value: try decode(result.standardOutputData), result: result)
        } catch {
            throw HarnessError.undecodable(what: "the output of \(command.commandLine)", reason: String(describing: error))
        }
    }
}
