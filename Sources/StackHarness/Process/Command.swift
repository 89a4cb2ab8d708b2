import Foundation

/// One program invocation: an executable, its argument array and extra environment, never a shell string.
public struct Command: Sendable, Hashable {
    /// The program to run.
    public var executable: URL
    /// The arguments, passed to the program as they are (no shell word splitting or quoting).
    public var arguments: [String]
    /// Variables added to (or overriding) the harness's own environment.
    public var environment: [String: String]
    /// The directory the program starts in; `nil` keeps the harness's current directory.
    public var workingDirectory: URL?

    /// Makes a command from its parts.
    public init(
        executable: URL,
        arguments: [String] = [],
        environment: [String: String] = [:],
        workingDirectory: URL? = nil
    ) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
        self.workingDirectory = workingDirectory
    }

    /// The command as a person would type it: environment overrides, program and arguments, quoted where needed.
    public var commandLine: String {
        let assignments = environment.keys.sorted().map { "\($0)=\(Self.quoted(environment[$0] ?? ""))" }
        return (assignments + [Self.quoted(executable.path)] + arguments.map(Self.quoted)).joined(separator: " ")
    }

    // Quoting is for reading and pasting into a terminal only; the command itself never goes through a shell.
    private static func quoted(_ word: String) -> String {
        let plain = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:=@,+%")
        if !word.isEmpty, word.unicodeScalars.allSatisfy(plain.contains) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
