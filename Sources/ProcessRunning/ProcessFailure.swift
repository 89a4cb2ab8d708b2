/// Why a child process did not do what was asked of it: it never started, or a wait for it gave up.
package enum ProcessFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The program could not be started at all (missing, not executable, a working directory that is not there).
    case launch(commandLine: String, reason: String)
    /// A wait gave up: what did not happen ("no such line within 10 seconds"), and everything the child had written.
    case wait(problem: String, transcript: String)

    /// What went wrong, in one line.
    package var problem: String {
        switch self {
        case .launch(let commandLine, let reason): "could not launch \(commandLine): \(reason)"
        case .wait(let problem, _): problem
        }
    }

    /// The problem, then (for a wait) the child's transcript.
    package var description: String {
        switch self {
        case .launch: problem
        case .wait(let problem, let transcript): "\(problem)\n\(transcript)"
        }
    }
}
