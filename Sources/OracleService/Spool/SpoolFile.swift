import ServiceRuntime

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One open file of the spool: appends that reach the disk (`fsync`) before they count as written.
///
/// Plain POSIX calls, run on a thread pool by the spool: Foundation's FileHandle offers no `fsync`-per-append
/// contract and throws Objective-C-style errors without the path.
final class SpoolFile: Sendable {
    /// Where the file is.
    let path: String
    private let descriptor: Int32

    /// Opens `path` for appending, creating it (mode 0600) when missing.
    init(appendingTo path: String) throws(SpoolFileError) {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw SpoolFileError("open", path) }
        self.path = path
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Appends `bytes` and waits until they are on the disk.
    func append(_ bytes: [UInt8]) throws(SpoolFileError) {
        let failure = POSIXIO.writeAll(bytes, to: descriptor)
        guard failure == 0 else { throw SpoolFileError("append to", path, code: failure) }
        guard fsync(descriptor) == 0 else { throw SpoolFileError("fsync", path) }
    }

    /// Cuts the file back to `size` bytes, so that a failed append leaves no partial line.
    func truncate(to size: Int) throws(SpoolFileError) {
        guard ftruncate(descriptor, off_t(size)) == 0 else { throw SpoolFileError("truncate", path) }
    }

    /// The whole content of `path`, or `nil` when there is no such file.
    static func contents(of path: String) throws(SpoolFileError) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { return nil }
            throw SpoolFileError("open", path)
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw SpoolFileError("read", path)
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[..<count])
        }
    }

    /// Removes `path`; a file already gone is not an error.
    static func remove(_ path: String) throws(SpoolFileError) {
        guard unlink(path) == 0 || errno == ENOENT else { throw SpoolFileError("remove", path) }
    }

    /// Renames `path` to `target` in one step: the file is under one name or the other, never both or neither.
    static func move(_ path: String, to target: String) throws(SpoolFileError) {
        guard rename(path, target) == 0 else { throw SpoolFileError("move", path + " to " + target) }
    }

    /// Removes `folder` and the files in it; a folder or file already gone (another process removing it too) is not
    /// an error.
    static func removeFolder(_ folder: String) throws(SpoolFileError) {
        let names: [String]
        do {
            names = try Self.names(in: folder)
        } catch {
            if error.code == ENOENT { return }
            throw error
        }
        for name in names { try remove(folder + "/" + name) }
        guard rmdir(folder) == 0 || errno == ENOENT else { throw SpoolFileError("remove", folder) }
    }

    /// Makes `folder` (mode 0700) when missing, and checks that it can be written.
    static func prepareFolder(_ folder: String) throws(SpoolFileError) {
        if mkdir(folder, 0o700) != 0, errno != EEXIST { throw SpoolFileError("create", folder) }
        guard access(folder, W_OK | X_OK) == 0 else { throw SpoolFileError("write into", folder) }
    }

    /// Makes the folder's entries (a new or removed file) durable.
    static func syncFolder(_ folder: String) throws(SpoolFileError) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw SpoolFileError("open", folder) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw SpoolFileError("fsync", folder) }
    }

    /// The names of the entries of `folder`.
    static func names(in folder: String) throws(SpoolFileError) -> [String] {
        guard let directory = opendir(folder) else { throw SpoolFileError("list", folder) }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}
