#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// An exclusive `flock` on an instance spool's lock file: the mark that the folder's process is alive.
///
/// The descriptor is closed when the value goes, and by the kernel when the process ends however it ends (SIGKILL
/// included), which is what lets another Oracle adopt the folder. The lock belongs to the open file description, so
/// a second `open` of the file, in this process or another, cannot take it meanwhile.
final class SpoolLock: Sendable {
    /// The outcome of one try at an existing lock file.
    private enum Attempt {
        /// Taken.
        case locked(SpoolLock)
        /// A live process holds it.
        case held
        /// No lock file: the folder is being made, or is no instance's.
        case missing
        /// Taken, but an adopter moved the folder away since the file was opened: a lock on nothing.
        case moved
    }

    /// The lock file.
    let path: String
    private let descriptor: Int32

    /// Wraps `descriptor`, open on the file that is (or is about to be) `path`; closed when the value goes.
    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Claims the folder of `configuration.instance` for this process, making it when missing. Throws
    /// `SpoolInstanceInUse` when a live process holds it, `SpoolFileError` when its files cannot be made.
    static func claim(_ configuration: RecordSpool.Configuration) throws -> SpoolLock {
        let (folder, path) = (configuration.folder, configuration.lockPath)
        // A round lost to an adopter moving the folder away starts over in a new folder; three in a row would mean
        // something else keeps moving it.
        for _ in 1...3 {
            try SpoolFile.prepareFolder(folder)
            switch try attempt(path) {
            case .locked(let lock): return lock
            case .held: throw SpoolInstanceInUse(instance: configuration.instance ?? "", folder: folder)
            case .moved: continue
            case .missing: if let lock = try create(path, in: folder) { return lock }
            }
        }
        throw SpoolFileError("lock", path, code: EAGAIN)
    }

    /// Takes the lock of another instance's folder if its process has ended; nil while a live process holds it, or
    /// when the folder is being made, was adopted meanwhile or is no instance's.
    static func take(_ configuration: RecordSpool.Configuration) throws(SpoolFileError) -> SpoolLock? {
        if case .locked(let lock) = try attempt(configuration.lockPath) { return lock }
        return nil
    }

    /// Opens the lock file `path` if there is one and tries to lock it without waiting.
    private static func attempt(_ path: String) throws(SpoolFileError) -> Attempt {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT || errno == ENOTDIR { return .missing }
            throw SpoolFileError("open", path)
        }
        let lock = SpoolLock(path: path, descriptor: descriptor)
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            if errno == EWOULDBLOCK { return .held }
            throw SpoolFileError("lock", path)
        }
        return lock.isAtPath ? .locked(lock) : .moved
    }

    // The lock file is made and locked under a name of its own, then linked to `path`, which fails when another
    // process made `path` meanwhile: `path` never exists unlocked, so no adopter takes the folder of a process that
    // is starting. Returns nil when another process won, or the folder was moved away.
    private static func create(_ path: String, in folder: String) throws(SpoolFileError) -> SpoolLock? {
        let staged = folder + "/lock-" + UUID().uuidString
        let descriptor = open(staged, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            if errno == ENOENT { return nil }
            throw SpoolFileError("create", staged)
        }
        let lock = SpoolLock(path: path, descriptor: descriptor)
        defer { unlink(staged) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else { throw SpoolFileError("lock", staged) }
        guard link(staged, path) == 0 else {
            if errno == EEXIST || errno == ENOENT { return nil }
            throw SpoolFileError("create", path)
        }
        try SpoolFile.syncFolder(folder)
        return lock
    }

    /// Whether `path` still names the locked file.
    private var isAtPath: Bool {
        var locked = stat()
        var named = stat()
        return fstat(descriptor, &locked) == 0 && stat(path, &named) == 0 && locked.st_dev == named.st_dev && locked.st_ino == named.st_ino
    }
}
