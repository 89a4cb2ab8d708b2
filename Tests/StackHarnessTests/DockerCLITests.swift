import Foundation
import Testing

@testable import StackHarness

@Suite("the docker CLI, without an engine")
struct DockerCLITests {
    @Test("$DOCKER wins, as a path or a name on PATH")
    func chosenByEnvironment() throws {
        let layout = try RepositoryLayout.locate()
        #expect(DockerCLI.detect(layout: layout, environment: ["DOCKER": "/opt/docker"]).executable.path == "/opt/docker")
        let byName = DockerCLI.detect(layout: layout, environment: ["DOCKER": "sh", "PATH": "/usr/bin:/bin"])
        #expect(byName.executable.path.hasSuffix("/sh"))
    }

    @Test("without $DOCKER, the CLI is the one setup-engine.sh --print-cli names")
    func chosenBySetupScript() throws {
        let layout = try Self.layout(printCLI: "printf '%s\\n' /opt/chosen/docker")
        defer { try? FileManager.default.removeItem(at: layout.root) }
        #expect(DockerCLI.detect(layout: layout, environment: [:]).executable.path == "/opt/chosen/docker")
    }

    @Test("without $DOCKER and with no engine answering setup-engine.sh, it is docker on PATH")
    func noEngineFallsBackToPath() throws {
        let layout = try Self.layout(printCLI: "echo 'no Docker engine answers' >&2; exit 1")
        let folder = layout.root.appendingPathComponent("bin", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: layout.root) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let docker = folder.appendingPathComponent("docker")
        try Data("#!/bin/sh\n".utf8).write(to: docker)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: docker.path)
        #expect(DockerCLI.detect(layout: layout, environment: ["PATH": folder.path]).executable.path == docker.path)
    }

    // A repository layout whose setup-engine.sh runs `body` (a stand-in for the real script's rule).
    private static func layout(printCLI body: String) throws -> RepositoryLayout {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("nps-layout-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        let layout = RepositoryLayout(root: root)
        try FileManager.default.createDirectory(at: layout.scripts, withIntermediateDirectories: true)
        try Data("#!/bin/sh\n[ \"$1\" = --print-cli ] || exit 2\n\(body)\n".utf8).write(to: layout.setupEngineScript)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: layout.setupEngineScript.path)
        return layout
    }

    @Test("CLI major versions decide built-in BuildKit")
    func majorVersions() {
        #expect(DockerCLI.majorVersion(of: "20.10.24+dfsg1") == 20)
        #expect(DockerCLI.majorVersion(of: "28.2.2") == 28)
        #expect(DockerCLI.majorVersion(of: "dev") == 0)
    }

    @Test("docker version JSON from this machine")
    func versionReport() throws {
        let report = try JSONDecoder().decode(DockerVersionReport.self, from: EngineSample.data("docker-version.json"))
        #expect(report.clientVersion == "28.2.2")
        #expect(report.server?.version == "20.10.24+dfsg1")
        #expect(report.server?.apiVersion == "1.41")
        let noEngine = try JSONDecoder().decode(DockerVersionReport.self, from: Data(#"{"Client":{"Version":"28.2.2"},"Server":null}"#.utf8))
        #expect(noEngine.server == nil)
    }

    @Test("no engine is one line naming the fix")
    func noEngine() {
        let text = HarnessError.noEngine.description
        #expect(!text.contains("\n"))
        #expect(
            text
                == "no Docker engine answers; run infrastructure/scripts/setup-engine.sh (installs Debian's docker.io and Compose v2, starts dockerd)"
        )
    }

    @Test("a build's arguments")
    func buildArguments() {
        let build = ImageBuild(
            dockerfile: URL(fileURLWithPath: "/repo/infrastructure/Dockerfiles/oracle.Dockerfile"),
            context: URL(fileURLWithPath: "/repo"),
            tags: ["nps-oracle:builder"],
            target: "builder",
            buildArguments: ["B": "2", "A": "1"],
            noCache: true
        )
        #expect(
            build.arguments == [
                "build", "--progress=plain", "-f", "/repo/infrastructure/Dockerfiles/oracle.Dockerfile",
                "-t", "nps-oracle:builder", "--target", "builder", "--build-arg", "A=1", "--build-arg", "B=2", "--no-cache", "/repo",
            ]
        )
    }

    @Test("compose commands name the file, env file and project")
    func composeCommand() throws {
        let layout = try RepositoryLayout.locate()
        let docker = DockerCLI(executable: URL(fileURLWithPath: "/usr/bin/docker"))
        let project = ComposeProject.nps(layout: layout, environmentFile: layout.environmentExample, docker: docker)
        let command = project.command(["config", "--format", "json"])
        #expect(command.executable.path == "/usr/bin/docker")
        #expect(
            command.arguments == [
                "compose", "-f", layout.composeFile.path, "--env-file", layout.environmentExample.path, "-p", "nps", "config", "--format", "json",
            ]
        )
        #expect(command.workingDirectory == layout.root)
    }

    @Test(
        "byte counts in Docker's and Compose's forms",
        arguments: [
            ("1073741824", Int64(1_073_741_824)), ("1g", 1_073_741_824), ("256m", 268_435_456), ("512k", 524_288),
            ("74.8MB", 74_800_000), ("1.5GiB", 1_610_612_736), ("0B", 0), ("12kB", 12_000),
        ]
    )
    func byteCounts(text: String, bytes: Int64) {
        #expect(ByteCount.parse(text) == bytes)
    }
}
