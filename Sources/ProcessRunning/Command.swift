import Foundation

/// One program invocation: an executable, its argument array and its environment, never a shell string.
package struct Command: Sendable, Hashable {
    /// The program to run.
    package var executable: URL
    /// The arguments, passed to the program as they are (no shell word splitting or quoting).
    package var arguments: [String]
    /// Variables added to (or overriding) the caller's own environment, or the whole environment when
    /// `inheritsEnvironment` is false.
    package var environment: [String: String]
    /// Whether the program starts from the caller's environment plus `environment` (true) or from `environment` alone.
    package var inheritsEnvironment: Bool
    /// The directory the program starts in; `nil` keeps the caller's current directory.
    package var workingDirectory: URL?

    /// Makes a command from its parts.
    package init(
        executable: URL,
        arguments: [String] = [],
        environment: [String: String] = [:],
        inheritsEnvironment: Bool = true,
        workingDirectory: URL? = nil
    ) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
        self.inheritsEnvironment = inheritsEnvironment
        self.workingDirectory = workingDirectory
    }

    /// The command as a person would type it: environment (after `env -i` when nothing is inherited), program and
    /// arguments, quoted where needed.
    package var commandLine: String {
        let assignments = environment.keys.sorted().map { "\($0)=\(Self.quoted(environment[$0] ?? ""))" }
        let start = inheritsEnvironment ? [] : ["env", "-i"]
        return (start + assignments + [Self.quoted(executable.path)] + arguments.map(Self.quoted)).joined(separator: " ")
    }

    /// The environment the program starts with.
    var resolvedEnvironment: [String: String] {
        inheritsEnvironment ? ProcessInfo.processInfo.environment.merging(environment) { $1 } : environment
    }

    // Quoting is for reading and pasting into a terminal only; the command itself never goes through a shell.
    private static func quoted(_ word: String) -> String {
        let plain = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:=@,+%")
        if !word.isEmpty, word.unicodeScalars.allSatisfy(plain.contains) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
