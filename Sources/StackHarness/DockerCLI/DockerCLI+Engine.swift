import Foundation
import ProcessRunning

/// The engine behind the CLI: is one there, which versions, and can this CLI build with BuildKit.
extension DockerCLI {
    /// Asks the engine and Compose for their versions; throws `HarnessError.noEngine` when no engine answers.
    package func engineInfo() async throws -> EngineInfo {
        let result: CommandResult
        do {
            result = try await capture(["version", "--format", "{{json .}}"], timeout: .seconds(30))
        } catch is HarnessError {
            throw HarnessError.noEngine
        }
        // With no engine `docker version` still prints the client half and exits 1.
        guard result.succeeded,
            let report = try? JSONDecoder().decode(DockerVersionReport.self, from: result.standardOutputData),
            let server = report.server
        else { throw HarnessError.noEngine }
        let compose = try await capture(["compose", "version", "--short"], timeout: .seconds(30))
        let composeVersion = compose.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        return EngineInfo(
            serverVersion: server.version,
            apiVersion: server.apiVersion,
            clientVersion: report.clientVersion,
            composeVersion: compose.succeeded && !composeVersion.isEmpty ? composeVersion : nil
        )
    }

    /// The CLI's own version ("28.2.2"), which needs no engine.
    package func clientVersion() async throws -> String {
        let result = try await run(["version", "--format", "{{.Client.Version}}"], timeout: .seconds(30))
            .standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !result.isEmpty else {
            throw HarnessError.undecodable(what: "the docker client version", reason: "empty output")
        }
        return result
    }

    /// Whether this CLI can run a BuildKit `docker build`: built in before 23, through buildx from 23 on.
    package func buildCapability() async throws -> BuildCapability {
        let version = try await clientVersion()
        if Self.majorVersion(of: version) < 23 { return .builtInBuildKit }
        let buildx = try await capture(["buildx", "version"], timeout: .seconds(30))
        return buildx.succeeded ? .buildxPlugin : .none
    }

    /// The leading number of a version string ("20.10.24+dfsg1" → 20); 0 when there is none.
    static func majorVersion(of version: String) -> Int {
        Int(version.prefix { $0.isNumber }) ?? 0
    }
}
