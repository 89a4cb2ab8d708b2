import CheckpointRules
import Foundation
import ProcessRunning
import StackHarness
import Testing

extension Checkpoints {
    /// Checkpoint 3: `.env.example` documents every variable, matches the compose file, and makes a git-ignored `.env`.
    @Suite("Checkpoint 3: environment variables")
    struct Checkpoint3 {
        @Test(
            "CP3.documented: every variable in .env.example has a description; the API key placeholder has a security warning; the Oracle ports are there",
            arguments: [Requirements.cp3Documented]
        )
        func cp3Documented(_ requirement: Requirement) async throws {
            let example = try EnvFile(contentsOf: Stack.shared.layout.environmentExample)
            let outcome = EnvironmentChecks.documented(example)
            try await prove(
                Measurement(
                    outcome,
                    subject: "infrastructure/.env.example comments and values",
                    limit: requirement.limit
                )
            )
        }

        @Test("CP3.complete: every ${VAR} of the compose file is in .env.example, and nothing in it is unused", arguments: [Requirements.cp3Complete])
        func cp3Complete(_ requirement: Requirement) async throws {
            let layout = Stack.shared.layout
            let composeText = try String(contentsOf: layout.composeFile, encoding: .utf8)
            let example = try EnvFile(contentsOf: layout.environmentExample)
            let outcome = EnvironmentChecks.complete(composeText: composeText, example: example)
            try await prove(
                Measurement(
                    outcome,
                    subject: "docker-compose.yml variables against .env.example",
                    limit: requirement.limit
                )
            )
        }

        @Test("CP3.dotenv: one documented command makes .env from the example, and .env is git-ignored", arguments: [Requirements.cp3Dotenv])
        func cp3Dotenv(_ requirement: Requirement) async throws {
            let layout = Stack.shared.layout
            let runner = CommandRunner()
            // The documented command, run as written from a scratch "repository root" holding only the example.
            let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
                "nps-checkpoint-dotenv-\(UUID().uuidString)",
                isDirectory: true
            )
            defer { try? FileManager.default.removeItem(at: scratch) }
            let scratchInfrastructure = scratch.appendingPathComponent("infrastructure", isDirectory: true)
            try FileManager.default.createDirectory(at: scratchInfrastructure, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: layout.environmentExample, to: scratchInfrastructure.appendingPathComponent(".env.example"))
            let copy = try await runner.capture(
                Command(
                    executable: URL(fileURLWithPath: "/usr/bin/env"),
                    arguments: EnvironmentChecks.copyCommand,
                    workingDirectory: scratch
                ),
                timeout: .seconds(10)
            )
            let made = try? Data(contentsOf: scratchInfrastructure.appendingPathComponent(".env"))
            let copyMatches = try copy.succeeded && made == Data(contentsOf: layout.environmentExample)

            let checkIgnore = try await runner.capture(
                Command(
                    executable: URL(fileURLWithPath: "/usr/bin/env"),
                    arguments: ["git", "check-ignore", "-q", "infrastructure/.env"],
                    workingDirectory: layout.root
                ),
                timeout: .seconds(10)
            )
            let documents = try [
                (name: "README.md", text: String(contentsOf: layout.root.appendingPathComponent("README.md"), encoding: .utf8)),
                (name: ".env.example", text: String(contentsOf: layout.environmentExample, encoding: .utf8)),
            ]
            let outcome = EnvironmentChecks.dotenv(copyMatches: copyMatches, checkIgnore: checkIgnore, documents: documents)
            try await prove(
                Measurement(
                    outcome,
                    subject: "documented cp command and git check-ignore",
                    limit: requirement.limit,
                    measuredBy: checkIgnore
                )
            )
        }
    }
}
