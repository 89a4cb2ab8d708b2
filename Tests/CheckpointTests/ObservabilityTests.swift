import CheckpointRules
import Foundation
import ProcessRunning
import StackHarness
import Testing

extension Checkpoints {
    /// Observability: the Oracle's JSON log lines on stdout and in its rotating file.
    @Suite("Observability")
    struct Observability {
        /// The dedicated DEBUG-level Oracle the rotation test floods (the stack's runs at INFO).
        static let rotationContainer = "nps-checkpoint-oracle-rotation"
        /// Question text the rotation test sends: each request is logged in full, so the log grows by more than
        /// this, past the 6 × 10 MB the folder can hold, and the oldest backup must be dropped.
        static let floodBytes = 66_000_000

        @Test("OBS.stdout: Oracle logs to stdout (docker logs nps-oracle has lines)", arguments: [Requirements.obsStdout])
        func obsStdout(_ requirement: Requirement) async throws {
            let stack = Stack.shared
            try await stack.ensureRunning(["oracle"])
            let logs = try await stack.docker.logs(StackServices.container("oracle"))
            let outcome = ObservabilityChecks.stdout(logs.standardOutput)
            try await prove(
                Measurement(
                    outcome,
                    subject: "lines on stdout of docker logs nps-oracle",
                    limit: requirement.limit,
                    measuredBy: logs
                )
            )
        }

        @Test("OBS.json: every Oracle log line is one JSON object with at least time, level and message", arguments: [Requirements.obsJSON])
        func obsJSON(_ requirement: Requirement) async throws {
            let stack = Stack.shared
            try await stack.ensureRunning(["oracle"])
            let logs = try await stack.docker.logs(StackServices.container("oracle"))
            let outcome = ObservabilityChecks.jsonLines(logs.standardOutput, source: "docker logs nps-oracle (stdout)")
            try await prove(
                Measurement(
                    outcome,
                    subject: "lines on stdout of docker logs nps-oracle",
                    limit: requirement.limit,
                    measuredBy: logs
                )
            )
            // The Oracle writes to stderr only when its log file fails; whatever it writes there must be JSON too.
            if !logs.standardError.isEmpty {
                let errors = ObservabilityChecks.jsonLines(logs.standardError, source: "docker logs nps-oracle (stderr)")
                try await prove(
                    Measurement(
                        errors,
                        subject: "lines on stderr of docker logs nps-oracle",
                        limit: requirement.limit,
                        measuredBy: logs
                    )
                )
            }
        }

        @Test(
            "OBS.file: the same lines go to /app/logs/oracle.log, which is infrastructure/volumes/logs/oracle.log on the host",
            arguments: [Requirements.obsFile]
        )
        func obsFile(_ requirement: Requirement) async throws {
            let stack = Stack.shared
            try await stack.ensureRunning(["oracle"])
            let container = StackServices.container("oracle")
            let inspection = try await stack.docker.inspectContainer(container)
            let startedAt = try #require(inspection.state.startedAt, "nps-oracle has no StartedAt")
            // Only this run's lines: `docker logs` keeps earlier runs of the container, whose lines may have rotated out.
            let logs = try await stack.docker.run(
                ["logs", "--since", String(format: "%.6f", startedAt.timeIntervalSince1970), container],
                timeout: .seconds(60)
            )
            // Read after docker logs, so every line it showed has had its (later) write to the file.
            let file = try Self.logFolderText(stack.layout.logsVolume)
            let outcome = ObservabilityChecks.fileMatchesStdout(stdout: logs.standardOutput, file: file)
            try await prove(
                Measurement(
                    outcome,
                    subject: "stdout since StartedAt vs volumes/logs/oracle.log (and its backups)",
                    limit: requirement.limit,
                    measuredBy: logs
                )
            )
        }

        @Test(
            "OBS.rotation: the log file rotates at its size limit and keeps its backups (a flood of DEBUG lines through an Oracle)",
            arguments: [Requirements.obsRotation]
        )
        func obsRotation(_ requirement: Requirement) async throws {
            let stack = Stack.shared
            try await stack.ensureRunning(["postgres"])
            let environment = try stack.environment()
            let user = try #require(environment["ORACLE_DB_USER"]?.value, "ORACLE_DB_USER is not in the env file")
            let password = try #require(environment["ORACLE_DB_PASSWORD"]?.value, "ORACLE_DB_PASSWORD is not in the env file")
            let database = try #require(environment["POSTGRES_DB"]?.value, "POSTGRES_DB is not in the env file")
            let masterPassword = try #require(environment["NPS_MASTER_PASSWORD"]?.value, "NPS_MASTER_PASSWORD is not in the env file")

            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nps-checkpoint-rotation-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            // The Oracle runs as uid 1000 and must create its files in the bind-mounted folder.
            try #require(chown(folder.path, 1000, 1000) == 0, "cannot chown \(folder.path) to 1000: errno \(errno)")

            let container = Self.rotationContainer
            try await withScratchResources(containers: [container]) {
                // `-e NAME` takes the value from the docker CLI's environment, keeping the secrets out of its arguments.
                try await stack.docker.run(
                    [
                        "run", "--detach", "--name", container, "--network", "nps-network",
                        "--env", "DATABASE_URL", "--env", "NPS_MASTER_PASSWORD", "--env", "LOG_LEVEL=DEBUG",
                        "--volume", "\(folder.path):/app/logs", "--publish", "127.0.0.1::50052", "nps-oracle:latest",
                    ],
                    environment: [
                        "DATABASE_URL": "postgres://\(user):\(password)@postgres:5432/\(database)?sslmode=disable",
                        "NPS_MASTER_PASSWORD": masterPassword,
                    ],
                    timeout: .seconds(60)
                )
                let inspection = try await stack.docker.inspectContainer(container)
                let port = try #require(inspection.ports["50052/tcp"]?.first?.hostPort, "50052 is not published: \(inspection.ports)")
                let load = OracleLoad(target: "127.0.0.1:\(port)")
                let ready = try await load.waitReady(budget: .seconds(30))
                try #require(ready.ready, "the rotation Oracle never answered: \(ready.lastError ?? "")")

                let flood = try await load.flood(bytes: Self.floodBytes)
                #expect(flood.errors == 0, "\(flood.errors) of \(flood.requests) GetQuestionSign calls failed: \(flood.firstError ?? "")")
                // stdout carries every line the Oracle wrote, so its size is the log volume driven through the file.
                let logs = try await stack.docker.logs(container, timeout: .seconds(120))
                let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
                    .map(LogFileSnapshot.init(contentsOf:))
                let outcome = ObservabilityChecks.rotation(files, drivenBytes: logs.standardOutputData.count)
                let flooded = String(
                    format: "%d GetQuestionSign (%.1f MB of questions) in %.1f s",
                    flood.requests,
                    Double(flood.requestBytes) / 1_048_576,
                    flood.wallSeconds
                )
                try await prove(
                    Measurement(
                        id: outcome.id,
                        subject: "log folder of a DEBUG Oracle after a flood of logged requests",
                        text: "\(flooded); \(outcome.measured)",
                        limit: requirement.limit,
                        passed: outcome.passed
                    )
                )
            }
        }

        /// The text of `oracle.log` and its backups in `folder`: the lines of this run may span a rotation.
        static func logFolderText(_ folder: URL) throws -> String {
            try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
                .filter { $0.lastPathComponent.hasPrefix("oracle.log") }
                .map { try String(contentsOf: $0, encoding: .utf8) }
                .joined(separator: "\n")
        }
    }
}
