import Foundation
import ServiceRuntime
import Testing

@testable import OracleService

/// `*_FILE` variants of the secrets (Docker secrets): a value read from a file, and one error naming the `_FILE`
/// variable for every way the file can be wrong.
@Suite("Secrets from files (*_FILE)")
struct SecretFileTests {
    /// A file in a fresh temporary folder holding `contents`; the folder is removed by the caller's `defer`.
    static func file(_ contents: Data) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nps-secret-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("secret")
        try contents.write(to: file)
        return file
    }

    @Test("NAME_FILE's contents, without the trailing newline, stand for NAME; with neither set there is no secret")
    func readsTheFile() throws {
        let file = try Self.file(Data("s3cret-from-a-file\n".utf8))
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        #expect(try ServiceEnvironment(["K_FILE": file.path]).secret("K") == "s3cret-from-a-file")
        #expect(try ServiceEnvironment(["K": "plain"]).secret("K") == "plain")
        #expect(try ServiceEnvironment([:]).secret("K") == nil)
    }

    @Test("Both set, a missing, empty, oversized or non-UTF-8 file: an error naming NAME_FILE and the cause, never the value")
    func refusals() throws {
        let empty = try Self.file(Data("\n".utf8))
        let large = try Self.file(Data(repeating: 0x61, count: ServiceEnvironment.largestSecretFile + 1))
        let binary = try Self.file(Data([0xFF, 0xFE, 0x00]))
        defer {
            for file in [empty, large, binary] { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        }
        let cases: [([String: String], String)] = [
            (["K": "plain-value", "K_FILE": empty.path], "both K and K_FILE are set; set one"),
            (["K_FILE": "/nonexistent/nps-secret"], "cannot read '/nonexistent/nps-secret': No such file or directory"),
            (["K_FILE": empty.path], "'\(empty.path)' is empty"),
            (["K_FILE": large.path], "larger than \(ServiceEnvironment.largestSecretFile) bytes"),
            (["K_FILE": binary.path], "is not UTF-8 text"),
        ]
        for (environment, problem) in cases {
            let error = #expect(throws: ConfigurationError.self) { try ServiceEnvironment(environment).secret("K") }
            #expect(error?.variable == "K_FILE" && error?.problem.contains(problem) == true, "\(environment): \(String(describing: error))")
            #expect(error?.description.contains("plain-value") == false)
        }
    }

    @Test("The Oracle reads DATABASE_URL_FILE, NPS_MASTER_PASSWORD_FILE and ANTHROPIC_API_KEY_FILE")
    func oracleSecrets() throws {
        let database = try Self.file(Data("postgres://nps_oracle:pw-from-file@postgres:5432/nps\n".utf8))
        let master = try Self.file(Data("master-from-file".utf8))
        let key = try Self.file(Data("sk-ant-from-file\n".utf8))
        defer {
            for file in [database, master, key] { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        }
        let configuration = try OracleConfiguration(
            environment: ServiceEnvironment([
                "DATABASE_URL_FILE": database.path, "NPS_MASTER_PASSWORD_FILE": master.path, "ANTHROPIC_API_KEY_FILE": key.path,
            ])
        )
        #expect(configuration.database.username == "nps_oracle")
        #expect(configuration.masterPassword == "master-from-file")
        #expect(configuration.anthropicAPIKey == "sk-ant-from-file")
    }
}
