import LogTimeFormat

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Thin wrappers over the POSIX calls the log sinks and the exit path share, so no Foundation is needed on the
/// hot path.
public enum POSIXIO {
    /// Writes every byte of `bytes` to `descriptor`, retrying on EINTR and short writes; returns 0 or the errno.
    public static func writeAll(_ bytes: borrowing [UInt8], to descriptor: Int32) -> Int32 {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return 0
        }
    }

    /// The wall-clock time, read without Foundation.
    public static func now() -> UnixInstant {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return UnixInstant(seconds: Int(now.tv_sec), nanoseconds: Int(now.tv_nsec))
    }

    /// The C library's text for `code`, e.g. "Permission denied".
    public static func describe(errorNumber code: Int32) -> String {
        String(cString: strerror(code))
    }
}
