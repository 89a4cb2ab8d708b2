import CheckpointRules
import StackHarness

/// Runs `body` with the containers and images a test makes for itself (all named `nps-checkpoint-…`), and removes
/// them afterwards whether `body` succeeded or threw, so a failing test leaves nothing behind. Containers of those
/// names are removed first too: a run cut off earlier (a CI machine's timeout, say) may have left one, and
/// `docker run --name` would refuse the name.
func withScratchResources<Value>(
    containers: [String] = [],
    images: [String] = [],
    _ body: () async throws -> Value
) async throws -> Value {
    let docker = Stack.shared.docker
    // A resource the body never got to create, or one already gone, is not an error here: results are not checked.
    let removeContainers = {
        for container in containers {
            _ = try? await docker.capture(["rm", "--force", "--volumes", container], timeout: .seconds(60))
        }
    }
    await removeContainers()
    let outcome: Result<Value, any Error>
    do {
        outcome = .success(try await body())
    } catch {
        outcome = .failure(error)
    }
    await removeContainers()
    for image in images {
        _ = try? await docker.capture(["image", "rm", "--force", image], timeout: .seconds(120))
    }
    return try outcome.get()
}
