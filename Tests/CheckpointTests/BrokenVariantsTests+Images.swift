import CheckpointRules
import Foundation
import StackHarness
import Testing

extension Checkpoints.BrokenVariants {
    @Test("SEC.nonroot catches an image that runs as root (fixtures/broken/root-user)")
    func imageRunningAsRoot() async throws {
        let name = "nps-checkpoint-root-user"
        let outcome = try await Self.withVariantImage("root-user", tag: name) { docker, image in
            try await withScratchResources(containers: [name]) {
                try await docker.run(["run", "--detach", "--name", name, name], timeout: .seconds(60))
                return SecurityChecks.nonRoot(processUIDs: try await docker.processUIDs(name), imageUser: image.config.user)
            }
        }
        #expect(!outcome.passed && outcome.id == "SEC.nonroot", "the non-root check let the variant through: \(outcome)")
        #expect(outcome.reason.contains("processes run as uid 0"), "the non-root check did not fail on the process's uid: \(outcome.reason)")
    }

    @Test("CP4.instruction catches an image without a HEALTHCHECK (fixtures/broken/missing-healthcheck)")
    func imageWithoutHealthcheck() async throws {
        let outcome = try await Self.withVariantImage("missing-healthcheck", tag: "nps-checkpoint-missing-healthcheck") { _, image in
            ImageChecks.healthcheckInstruction(image)
        }
        #expect(!outcome.passed && outcome.id == "CP4.instruction", "the HEALTHCHECK check let the variant through: \(outcome)")
        #expect(outcome.reason.contains("has no HEALTHCHECK"), "the HEALTHCHECK check failed for another reason: \(outcome.reason)")
    }

    @Test("CP1.size catches an image over 500 MB (fixtures/broken/oversize-image)")
    func imageOverSizeLimit() async throws {
        let outcome = try await Self.withVariantImage("oversize-image", tag: "nps-checkpoint-oversize-image") { _, image in
            ImageChecks.size(image)
        }
        #expect(!outcome.passed && outcome.id == "CP1.size", "the size check let the variant through: \(outcome)")
    }

    /// Builds `fixtures/broken/<variant>/Dockerfile` as `tag`, hands the image to `body`, and removes the image afterwards.
    private static func withVariantImage<Value>(
        _ variant: String,
        tag: String,
        _ body: (DockerCLI, ImageInspection) async throws -> Value
    ) async throws -> Value {
        let stack = Stack.shared
        try await stack.checkEngine()
        let folder = stack.layout.fixtures.appendingPathComponent("broken/\(variant)", isDirectory: true)
        return try await withScratchResources(images: [tag]) {
            let build = ImageBuild(dockerfile: folder.appendingPathComponent("Dockerfile"), context: folder, tags: [tag])
            try await stack.docker.build(build, timeout: .seconds(600))
            let image = try await stack.docker.inspectImage(tag)
            return try await body(stack.docker, image.value)
        }
    }
}
