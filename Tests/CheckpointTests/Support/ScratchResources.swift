import CheckpointRules
import StackHarness

/// Runs `body`, then removes the containers and images a test made for itself (all named
/// `nps-checkpoint-…`), whether `body` succeeded or threw, so a failing test leaves nothing behind.
func removingAfterwards<Value>(
    containers: [String] = [],
    images: [String] = [],
    _ body: () async throws -> Value
) async throws -> Value {
    let outcome: Result<Value, any Error>
    do {
        outcome = .success(try await body())
    } catch {
        outcome = .failure(error)
    }
    let docker = Stack.shared.docker
    // A resource the body never got to create is not an error here, so the results are not checked.
    for container in containers {
        _ = try? await docker.capture(["rm", "--force", "--volumes", container], timeout: .seconds(60))
    }
    for image in images {
        _ = try? await docker.capture(["image", "rm", "--force", image], timeout: .seconds(120))
    }
    return try outcome.get()
}
