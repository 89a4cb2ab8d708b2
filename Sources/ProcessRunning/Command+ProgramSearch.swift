import Foundation

extension Command {
    /// The executable file `program` names: a path as it is; a bare name searched in `PATH` as a shell would, since
    /// Process needs a full path. Nil when no such executable file exists.
    package static func program(
        _ program: String,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> URL? {
        if program.contains("/") {
            return FileManager.default.isExecutableFile(atPath: program) ? URL(fileURLWithPath: program) : nil
        }
        return (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").lazy
            .map { URL(fileURLWithPath: String($0)).appendingPathComponent(program) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}
