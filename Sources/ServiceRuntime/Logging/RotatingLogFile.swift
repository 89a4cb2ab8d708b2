#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An append-only log file that moves to `path.1` … `path.<backupCount>` (newest first) before a line would
/// push it past `maxBytes`.
///
/// Not synchronised: the owner (``LogSink``) serialises calls. Lines are written whole with one write(2), so a
/// line is never split across files; a single line longer than `maxBytes` still goes, alone, into a fresh file.
struct RotatingLogFile: ~Copyable {
    /// Where the current file lives; backups are this path with `.1`, `.2`, … appended.
    let path: String
    /// The size a file may reach; the file rotates before a line would exceed it.
    let maxBytes: Int
    /// How many rotated files to keep; the oldest beyond this is overwritten by the next rotation.
    let backupCount: Int
    /// Bytes in the current file, tracked locally so rotation needs no stat per line.
    private(set) var size: Int
    private var descriptor: Int32

    /// Opens (creating parent directories and the file if needed) `path` for appending; never truncates it.
    init(path: String, maxBytes: Int, backupCount: Int) throws(LogFileError) {
        precondition(maxBytes > 0 && backupCount >= 0, "maxBytes must be positive and backupCount not negative")
        self.path = path
        self.maxBytes = maxBytes
        self.backupCount = backupCount
        try Self.createParentDirectories(of: path)
        descriptor = try Self.openForAppending(path)
        // A restarted service keeps adding to what the previous run wrote, so start from the current length.
        let end = lseek(descriptor, 0, SEEK_END)
        size = end > 0 ? Int(end) : 0
    }

    deinit {
        close(descriptor)
    }

    /// Appends one complete line (including its newline), rotating first if it would not fit.
    ///
    /// If rotation fails the line is still appended to the current file (better oversized than lost) and the
    /// rotation error is thrown afterwards.
    mutating func append(_ line: borrowing [UInt8]) throws(LogFileError) {
        var rotationError: LogFileError?
        if size > 0 && size + line.count > maxBytes {
            do throws(LogFileError) {
                try rotate()
            } catch {
                rotationError = error
            }
        }
        let code = POSIXIO.writeAll(line, to: descriptor)
        guard code == 0 else {
            // Drop whatever part of the line made it to disk so the file never ends in a partial line.
            _ = ftruncate(descriptor, off_t(size))
            throw LogFileError(operation: .write, path: path, errorNumber: code)
        }
        size += line.count
        if let rotationError { throw rotationError }
    }

    /// Shifts backups up by one (dropping the oldest), renames the current file to `.1` and opens a fresh one.
    private mutating func rotate() throws(LogFileError) {
        if backupCount == 0 {
            guard unlink(path) == 0 || errno == ENOENT else {
                throw LogFileError(operation: .rotate, path: path, errorNumber: errno)
            }
        } else {
            for index in stride(from: backupCount - 1, through: 1, by: -1) {
                // rename(2) replaces the destination atomically, which is what drops the oldest backup.
                guard rename("\(path).\(index)", "\(path).\(index + 1)") == 0 || errno == ENOENT else {
                    throw LogFileError(operation: .rotate, path: path, errorNumber: errno)
                }
            }
            guard rename(path, "\(path).1") == 0 else {
                throw LogFileError(operation: .rotate, path: path, errorNumber: errno)
            }
        }
        // The old descriptor still points at the renamed file, so it is only swapped once the new one is open.
        let fresh = try Self.openForAppending(path)
        close(descriptor)
        descriptor = fresh
        size = 0
    }

    /// open(2) with O_APPEND so every write lands at the end even if another process appends too.
    private static func openForAppending(_ path: String) throws(LogFileError) -> Int32 {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw LogFileError(operation: .open, path: path, errorNumber: errno)
        }
        return descriptor
    }

    /// `mkdir -p` of the directory holding `path`, accepting components that already exist as directories.
    private static func createParentDirectories(of path: String) throws(LogFileError) {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return }
        let directory = String(path[..<slash])
        var prefix = directory.hasPrefix("/") ? "" : "."
        for component in directory.split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, 0o755) == 0 { continue }
            let code = errno
            // EEXIST, but also EACCES/EROFS on an existing parent, are fine as long as it is a directory.
            var status = stat()
            guard stat(prefix, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else {
                throw LogFileError(operation: .createDirectory(prefix), path: path, errorNumber: code)
            }
        }
    }
}
