import Foundation
import ProcessRunning
import ServiceTesting
import TestPostgres
import Testing

/// "An existing client (for example Python grpcio stubs generated from the same definition) works unchanged
/// against it": `Tests/PythonClient/run.sh` against the real binary.
@Suite("Python grpcio client against the nps-oracle binary")
struct PythonClientTests {
    @Test("Python grpcio stubs generated from Protos/ pass every check against the binary: exit 0, 0 failed")
    func pythonClientPasses() async throws {
        let oracle = try await OracleProcess.againstTestDatabase()
        try await oracle.waitUntilReady()
        try await oracle.waitForMessage { $0 == "Connected to database" }

        let client = try RunningProcess(
            Command(
                executable: URL(fileURLWithPath: "/bin/bash"),
                arguments: [RepositoryPaths.file("Tests/PythonClient/run.sh").path, "--target", "127.0.0.1:\(oracle.grpcPort)"],
                environment: ChildEnvironment.base,
                inheritsEnvironment: false
            )
        )
        // The first run creates the venv and installs grpcio from PyPI; later runs reuse it.
        let exit = try await client.waitForExit(within: .seconds(600))
        let summary = client.stdoutLines.last { $0.contains(" passed, ") } ?? "(no summary line)"
        #expect(exit.status == 0 && !exit.signalled, "run.sh: \(exit)\n\(client.transcript)\n--- oracle ---\n\(oracle.transcript)")
        #expect(summary.contains(" 0 failed"), "summary '\(summary)'\n\(client.transcript)")
        let termination = try await oracle.terminate()
        #expect(termination.exit.status == 0, "\(termination)\n\(oracle.transcript)")
        print("PythonClientTests: \(summary)")
    }
}
