import CheckpointRules
import Foundation
import StackHarness
import Testing

extension Checkpoints.Security {
    /// The name the marker secret is hidden under; no env file has it.
    private static let markerName = "SEC_REDACT_MARKER"

    @Test(
        "SEC.redact: nothing the harness writes (report, JUnit, failure bundle) contains a secret value from .env",
        arguments: [Requirements.secRedact]
    )
    func secRedact(_ requirement: Requirement) async throws {
        let stack = Stack.shared
        try await stack.ensureRunning()
        let marker = "nps-redact-marker-\(UUID().uuidString)"
        // What must not appear: the secrets of the env file the stack runs with, read here on their own, and the marker.
        let environment = try EnvFile(contentsOf: stack.compose.environmentFile ?? stack.layout.environmentExample)
        let secrets = SecretRedaction(environment: environment).secrets.merging([Self.markerName: marker]) { $1 }
        // What hides them: the run's own redaction (its report's and failure bundle's), with the marker added.
        let redaction = SecretRedaction(secrets: stack.report.redaction.secrets.merging([Self.markerName: marker]) { $1 })

        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("nps-checkpoint-redact-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        // The unredacted writing holds the real secrets until the folder goes: for this user's eyes only.
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let written = try await Self.writeBundleAndReport(into: scratch.appendingPathComponent("redacted"), redaction: redaction, secrets: secrets)
        let unredacted = try await Self.writeBundleAndReport(
            into: scratch.appendingPathComponent("unredacted"),
            redaction: SecretRedaction(),
            secrets: secrets
        )

        try await prove(
            Measurement(
                SecurityChecks.noSecretWritten(written, unredacted: unredacted, secrets: secrets),
                subject:
                    "every file of a failure bundle of the running stack and of a report whose measurement quotes the marker and the env file's secrets, written with the redaction and without",
                limit: requirement.limit
            )
        )
    }

    /// Writes a failure bundle of the running stack and a report with one failed measurement quoting every one of
    /// `secrets` (in its subject, value, limit and command) into `folder`, hiding what `redaction` hides; returns
    /// every file under `folder` as text, by path within it.
    private static func writeBundleAndReport(
        into folder: URL,
        redaction: SecretRedaction,
        secrets: [String: String]
    ) async throws
        -> [String: String]
    {
        let stack = Stack.shared
        try await FailureBundle(reportDirectory: folder, compose: stack.compose, redaction: redaction).write(since: stack.startedAt)
        let quoted = secrets.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        try await CheckpointReport(directory: folder, redaction: redaction).record(
            Measurement(
                id: Requirements.secRedact.id,
                subject: "a measurement quoting \(quoted)",
                value: .text(quoted),
                limit: quoted,
                verdict: .fail,
                command: "env \(quoted)"
            )
        )
        var files: [String: String] = [:]
        for path in FileManager.default.subpaths(atPath: folder.path) ?? [] {
            let file = folder.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            files[path] = String(decoding: try Data(contentsOf: file), as: UTF8.self)
        }
        return files
    }
}
