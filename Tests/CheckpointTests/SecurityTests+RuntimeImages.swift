import CheckpointRules
import Foundation
import ProcessRunning
import StackHarness
import Testing

extension Checkpoints.Security {
    /// The Swift services' runtime images and the binary each holds.
    static let runtimeImages = [
        ("nps-oracle:latest", "app/nps-oracle"), ("nps-api-stand-in:latest", "app/nps-api-stand-in"),
        ("nps-scanner-stand-in:latest", "app/nps-scanner-stand-in"),
    ]

    @Test(
        "SEC.minimal: the Swift services' runtime images hold their binary and the few Debian packages it needs: no shell, no package manager",
        arguments: [Requirements.secMinimal]
    )
    func secMinimal(_ requirement: Requirement) async throws {
        let stack = Stack.shared
        try await stack.ensureImages()
        var contents: [RuntimeImageContents] = []
        for (image, binary) in Self.runtimeImages {
            let listing = try await ImageFiles.listing(of: image)
            let status = String(decoding: try await ImageFiles.contents(of: ["/var/lib/dpkg/status"], in: image)[0], as: UTF8.self)
            contents.append(
                RuntimeImageContents(
                    image: image,
                    paths: RuntimeImageContents.paths(inListing: listing),
                    packages: RuntimeImageContents.packages(inStatus: status),
                    binary: binary
                )
            )
        }
        try await prove(
            Measurement(
                RuntimeImageChecks.minimal(contents),
                subject: "docker export of each image, its /var/lib/dpkg/status",
                limit: requirement.limit
            )
        )
    }

    @Test(
        "SEC.patched: no runtime image has a pending Debian security update (check-patched.sh on each image's package list)",
        arguments: [Requirements.secPatched]
    )
    func secPatched(_ requirement: Requirement) async throws {
        let stack = Stack.shared
        try await stack.ensureImages()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nps-patched-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var checks: [RuntimeImageChecks.PatchCheck] = []
        var oracleStatus = ""
        // The web-ui (nginx from Debian on debian:bookworm-slim) is a runtime image too.
        for image in Self.runtimeImages.map(\.0) + ["nps-web-ui:latest"] {
            let status = String(decoding: try await ImageFiles.contents(of: ["/var/lib/dpkg/status"], in: image)[0], as: UTF8.self)
            if oracleStatus.isEmpty { oracleStatus = status }
            checks.append(try await Self.checkPatched(status, subject: image, in: folder))
        }
        // The broken variant: the Oracle's status with zlib1g one Debian revision behind its security version
        // ("+deb12u1" → "+deb12u0~1" sorts lower; nothing depends on its exact version): the check must name it.
        let behind = oracleStatus.components(separatedBy: "\n\n").map { stanza in
            stanza.hasPrefix("Package: zlib1g\n") ? stanza.replacingOccurrences(of: "+deb12u", with: "+deb12u0~") : stanza
        }.joined(separator: "\n\n")
        let broken = try await Self.checkPatched(behind, subject: "nps-oracle's status with zlib1g one revision behind", in: folder)
        try await prove(
            Measurement(
                RuntimeImageChecks.patched(checks, brokenVariant: broken),
                subject: "infrastructure/Dockerfiles/check-patched.sh in debian:bookworm-slim on each image's /var/lib/dpkg/status",
                limit: requirement.limit
            )
        )
    }

    /// check-patched.sh on `status` in a debian:bookworm-slim container (apt, the archive keyring, the mirror its
    /// sources name).
    static func checkPatched(_ status: String, subject: String, in folder: URL) async throws -> RuntimeImageChecks.PatchCheck {
        let layout = Stack.shared.layout
        let file = folder.appendingPathComponent("status-\(UUID().uuidString)")
        try Data(status.utf8).write(to: file)
        let script = layout.dockerfiles.appendingPathComponent("check-patched.sh")
        let run = try await Stack.shared.docker.capture(
            [
                "run", "--rm", "--volume", "\(script.path):/usr/local/bin/check-patched.sh:ro", "--volume", "\(file.path):/status:ro",
                "debian:bookworm-slim", "check-patched.sh", "/status",
            ],
            timeout: .seconds(180)
        )
        return RuntimeImageChecks.PatchCheck(subject: subject, exitStatus: run.exitStatus, output: run.transcript)
    }
}
