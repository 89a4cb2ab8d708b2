#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The one way an executable ends in failure: one line on stderr, exit status 1.
public enum ServiceExit {
    /// Prints `program: message` to stderr and exits 1.
    public static func fail(program: String, _ message: String) -> Never {
        let line = Array("\(program): \(message)\n".utf8)
        var offset = 0
        while offset < line.count {
            let written = line.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0, errno == EINTR { continue }
            // Nothing is left to tell when stderr itself is gone.
            guard written > 0 else { break }
            offset += written
        }
        exit(1)
    }
}
