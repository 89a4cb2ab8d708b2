import Foundation
import StackHarness
import Testing

@Suite("the failure bundle, with a stand-in docker")
struct FailureBundleTests {
    private static let masterPassword = "vault<key>&1"
    private static let databasePassword = "p@ss/word-9"

    // A docker stand-in answering the bundle's commands for one container whose logs quote DATABASE_URL
    // (percent-encoded) and whose inspect output holds its environment as Go's JSON writes it.
    private static let standIn = #"""
        #!/bin/sh
        case "$1" in
        compose) echo '{"ID":"1","Name":"nps-oracle","Service":"oracle","State":"running"}' ;;
        events) echo '{"status":"start","id":"1"}' ;;
        logs) echo 'connecting to postgres://nps_oracle:p%40ss%2Fword-9@postgres:5432/nps' ;;
        inspect) cat <<'EOF'
        [{"Config":{"Env":["NPS_MASTER_PASSWORD=vault\u003ckey\u003e\u00261","ORACLE_DB_PASSWORD=p@ss/word-9"]}}]
        EOF
        ;;
        esac
        """#

    @Test("every file of the bundle hides the secrets (docker inspect's environment, a URL in the logs); without the redaction they are there")
    func redacted() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stack-harness-bundle-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let docker = folder.appendingPathComponent("docker")
        try Data(Self.standIn.utf8).write(to: docker)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: docker.path)
        let compose = ComposeProject(composeFile: folder.appendingPathComponent("compose.yml"), name: "nps", docker: DockerCLI(executable: docker))
        let searched = ["vault", "p@ss", "p%40ss"]

        // The bundle's files under `report` and the ones holding a fragment of a secret, once written with `redaction`.
        func write(into report: String, _ redaction: SecretRedaction) async throws -> (files: [String], holding: [String]) {
            let written = try await FailureBundle(reportDirectory: folder.appendingPathComponent(report), compose: compose, redaction: redaction)
                .write(since: Date())
            let holding = try written.filter { file in
                let text = try String(contentsOf: file, encoding: .utf8)
                return searched.contains { text.contains($0) }
            }
            return (written.map(\.lastPathComponent).sorted(), holding.map(\.lastPathComponent).sorted())
        }

        let redaction = SecretRedaction(secrets: ["NPS_MASTER_PASSWORD": Self.masterPassword, "ORACLE_DB_PASSWORD": Self.databasePassword])
        let hidden = try await write(into: "redacted", redaction)
        #expect(hidden.files == ["compose-ps.txt", "engine-events.txt", "nps-oracle.inspect.txt", "nps-oracle.logs.txt"])
        #expect(hidden.holding == [])
        let inspect = try String(contentsOf: folder.appendingPathComponent("redacted/failure-bundle/nps-oracle.inspect.txt"), encoding: .utf8)
        #expect(inspect.contains(#"["NPS_MASTER_PASSWORD=[redacted NPS_MASTER_PASSWORD]","ORACLE_DB_PASSWORD=[redacted ORACLE_DB_PASSWORD]"]"#))
        #expect(try await write(into: "plain", SecretRedaction()).holding == ["nps-oracle.inspect.txt", "nps-oracle.logs.txt"])
    }
}
