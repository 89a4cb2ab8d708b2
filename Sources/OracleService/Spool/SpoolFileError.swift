import ServiceRuntime

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A spool file operation the system refused, with the path and the system's words ("No space left on device").
struct SpoolFileError: Error, CustomStringConvertible {
    /// What was being done, e.g. "append to".
    let operation: String
    /// The file or folder.
    let path: String
    /// The `errno` it failed with.
    let code: Int32

    /// The failure of `operation` on `path`, with the current `errno`.
    init(_ operation: String, _ path: String, code: Int32 = errno) {
        self.operation = operation
        self.path = path
        self.code = code
    }

    var description: String { "cannot \(operation) \(path): \(POSIXIO.describe(errorNumber: code)) (errno \(code))" }
}
