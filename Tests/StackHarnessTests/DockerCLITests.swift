import Foundation
import Testing

@testable import StackHarness

@Suite("the docker CLI, without an engine")
struct DockerCLITests {
    @Test("$DOCKER wins, as a path or a name on PATH")
    func chosenByEnvironment() {
        #expect(DockerCLI.detect(environment: ["DOCKER": "/opt/docker"]).executable.path == "/opt/docker")
        #expect(DockerCLI.detect(environment: ["DOCKER": "sh", "PATH": "/usr/bin:/bin"]).executable.path.hasSuffix("/sh"))
    }

    @Test("Debian's /usr/bin/docker is preferred when present")
    func debianFirst() {
        let chosen = DockerCLI.detect(environment: ["PATH": "/usr/local/bin:/usr/bin"]).executable.path
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/docker") {
            #expect(chosen == "/usr/bin/docker")
        }
    }

    @Test("CLI major versions decide built-in BuildKit")
    func majorVersions() {
        #expect(DockerCLI.majorVersion(of: "20.10.24+dfsg1") == 20)
        #expect(DockerCLI.majorVersion(of: "28.2.2") == 28)
        #expect(DockerCLI.majorVersion(of: "dev") == 0)
    }

    @Test("docker version JSON from this machine")
    func versionReport() throws {
        let report = try JSONDecoder().decode(DockerVersionReport.self, from: Sample.data("docker-version.json"))
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
