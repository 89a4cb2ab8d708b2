import Foundation
import ServiceTesting
import TestPostgres
import Testing

/// A bad configuration stops the real binary at once: exit status 1 and exactly one stderr line naming the variable.
@Suite("Configuration errors of the nps-oracle binary")
struct ConfigurationErrorTests {
    /// Starts the binary with `environment` over the defaults and checks it fails on `variable`.
    private func expectFailure(
        naming variable: String,
        environment: [String: String],
        saying reason: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let oracle = try OracleProcess(databaseURL: try await TestDatabase.shared.start(), environment: environment)
        let started = ContinuousClock.now
        let exit = try await oracle.waitForExit(within: .seconds(10))
        let elapsed = exit.at - started
        #expect(exit.status == 1 && !exit.signalled, "exit 1 for a bad \(variable): \(exit)\n\(oracle.transcript)", sourceLocation: sourceLocation)
        #expect(elapsed < .seconds(5), "failed within a few seconds: \(elapsed)\n\(oracle.transcript)", sourceLocation: sourceLocation)
        #expect(oracle.stderrLines.count == 1, "exactly one stderr line\n\(oracle.transcript)", sourceLocation: sourceLocation)
        #expect(
            oracle.stderrLines.first?.contains(variable) == true,
            "the stderr line names \(variable)\n\(oracle.transcript)",
            sourceLocation: sourceLocation
        )
        if let reason {
            #expect(
                oracle.stderrLines.first?.lowercased().contains(reason) == true,
                "the stderr line says '\(reason)'\n\(oracle.transcript)",
                sourceLocation: sourceLocation
            )
        }
        // Secrets from the environment never end up in the error.
        #expect(
            oracle.stderrLines.allSatisfy { !$0.contains(OracleProcess.masterPassword) && !$0.contains("nps-test@") },
            sourceLocation: sourceLocation
        )
    }

    @Test("GRPC_PORT=abc → exit 1, one stderr line naming GRPC_PORT")
    func grpcPortNotANumber() async throws {
        try await expectFailure(naming: "GRPC_PORT", environment: ["GRPC_PORT": "abc"])
    }

    @Test("DATABASE_URL=nonsense → exit 1, one stderr line naming DATABASE_URL")
    func databaseURLNonsense() async throws {
        try await expectFailure(naming: "DATABASE_URL", environment: ["DATABASE_URL": "nonsense"])
    }

    @Test("NPS_MASTER_PASSWORD_FILE set beside NPS_MASTER_PASSWORD → exit 1, one stderr line naming NPS_MASTER_PASSWORD_FILE")
    func masterPasswordTwice() async throws {
        try await expectFailure(
            naming: "NPS_MASTER_PASSWORD_FILE",
            environment: ["NPS_MASTER_PASSWORD_FILE": "/nonexistent/nps-master"],
            saying: "set one"
        )
    }

    @Test("LOG_LEVEL=loud → exit 1, one stderr line naming LOG_LEVEL")
    func logLevelLoud() async throws {
        try await expectFailure(naming: "LOG_LEVEL", environment: ["LOG_LEVEL": "loud"])
    }

    @Test("ANTHROPIC_BASE_URL=http://example.com (plain http off this machine) → exit 1, one stderr line naming ANTHROPIC_BASE_URL and https")
    func anthropicBaseURLPlainHTTP() async throws {
        try await expectFailure(naming: "ANTHROPIC_BASE_URL", environment: ["ANTHROPIC_BASE_URL": "http://example.com"], saying: "use https")
    }

    @Test("LOG_FILE under a regular file → exit 1, one stderr line naming LOG_FILE")
    func logFileUncreatable() async throws {
        let directory = try TemporaryLogDirectory()
        let regularFile = directory.file("not-a-directory")
        try Data("x".utf8).write(to: URL(fileURLWithPath: regularFile))
        try await expectFailure(naming: "LOG_FILE", environment: ["LOG_FILE": regularFile + "/oracle.log"])
    }

    @Test("NPS_SPOOL_DIR under a regular file → exit 1, one stderr line naming NPS_SPOOL_DIR")
    func spoolDirectoryUncreatable() async throws {
        let directory = try TemporaryLogDirectory()
        let regularFile = directory.file("not-a-directory")
        try Data("x".utf8).write(to: URL(fileURLWithPath: regularFile))
        try await expectFailure(naming: "NPS_SPOOL_DIR", environment: ["NPS_SPOOL_DIR": regularFile + "/spool"], saying: "not a directory")
    }

    @Test("GRPC_PORT already in use → exit 1, one stderr line naming GRPC_PORT")
    func grpcPortInUse() async throws {
        let busy = try BusyPort()
        try await expectFailure(naming: "GRPC_PORT", environment: ["GRPC_PORT": "\(busy.port)"], saying: "already in use")
        withExtendedLifetime(busy) {}
    }

    @Test("HEALTH_PORT already in use → exit 1, one stderr line naming HEALTH_PORT")
    func healthPortInUse() async throws {
        let busy = try BusyPort()
        try await expectFailure(naming: "HEALTH_PORT", environment: ["HEALTH_PORT": "\(busy.port)"], saying: "already in use")
        withExtendedLifetime(busy) {}
    }
}
