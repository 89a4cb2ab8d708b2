import Foundation

/// A command that did not succeed; its description quotes the command line and the end of its standard error.
package struct CommandFailure: Error, Sendable, CustomStringConvertible {
    /// How many trailing lines of standard error the description quotes.
    package static let quotedLineCount = 40

    /// The failed run, with all of its output.
    package let result: CommandResult

    /// Wraps a result that did not succeed.
    package init(result: CommandResult) {
        self.result = result
    }

    /// "command failed (exit status 1 after 0.012 s): <command line>" and the last lines of stderr (stdout when stderr is empty).
    package var description: String {
        // Some tools (docker build with plain progress aside) report errors on stdout; show whichever stream has text.
        let output = result.standardError.isEmpty ? result.standardOutput : result.standardError
        let tail = output.trimmingCharacters(in: .newlines)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .suffix(Self.quotedLineCount)
            .joined(separator: "\n")
        let heading = "command failed (\(result.ending) after \(result.duration.secondsText)): \(result.command.commandLine)"
        return tail.isEmpty ? heading : heading + "\n" + tail
    }
}
