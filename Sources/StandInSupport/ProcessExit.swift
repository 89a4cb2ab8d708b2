#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Ending a stand-in the way the Oracle ends: one line on stderr, exit status 1.
public enum ProcessExit {
    /// Prints `program: message` to stderr and exits 1.
    public static func fail(program: String, _ message: String) -> Never {
        let line = Array("\(program): \(message)\n".utf8)
        _ = line.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
        exit(1)
    }
}
