#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension ServiceEnvironment {
    /// The suffix of the variable that names a file holding a secret's value (Docker secrets, `/run/secrets/NAME`).
    public static let fileSuffix = "_FILE"
    /// The largest secret file read: a secret is a line, and a path aimed at something else must not be read whole.
    public static let largestSecretFile = 64 * 1024

    /// A secret: the value of `name`, or the contents of the file `name_FILE` names (trimmed, so a trailing newline
    /// does not count), or nil when neither is set. Both set, or a file that cannot be read, is empty, is over
    /// `largestSecretFile` or is not UTF-8, is an error naming the variable at fault.
    public func secret(_ name: String) throws(ConfigurationError) -> String? {
        let fileVariable = name + Self.fileSuffix
        guard let path = value(fileVariable) else { return value(name) }
        guard value(name) == nil else {
            throw ConfigurationError(variable: fileVariable, problem: "both \(name) and \(fileVariable) are set; set one")
        }
        let bytes: [UInt8]
        do {
            bytes = try Self.contents(of: path)
        } catch {
            throw ConfigurationError(variable: fileVariable, problem: "cannot read '\(path)': \(error.reason)")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ConfigurationError(variable: fileVariable, problem: "'\(path)' is not UTF-8 text")
        }
        guard let secret = ServiceEnvironment([name: text]).value(name) else {
            throw ConfigurationError(variable: fileVariable, problem: "'\(path)' is empty")
        }
        return secret
    }

    /// Why a secret file could not be read.
    struct SecretFileProblem: Error {
        /// In a few words: the system's ("No such file or directory") or the size bound.
        let reason: String
    }

    // The file's bytes, at most `largestSecretFile` of them (one more means it is too large).
    private static func contents(of path: String) throws(SecretFileProblem) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw SecretFileProblem(reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while bytes.count <= largestSecretFile {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw SecretFileProblem(reason: String(cString: strerror(errno))) }
            if count == 0 { return bytes }
            bytes += chunk[..<count]
        }
        throw SecretFileProblem(reason: "larger than \(largestSecretFile) bytes")
    }
}
