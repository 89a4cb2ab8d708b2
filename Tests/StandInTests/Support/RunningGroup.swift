import ServiceLifecycle
import StandInSupport

/// Runs `group` until `port` is bound, calls `body` with the port, then shuts the group down gracefully.
func withRunningGroup<T: Sendable>(
    _ group: ServiceGroup,
    port: ListeningPort,
    _ body: @Sendable (Int) async throws -> T
) async throws -> T {
    try await withThrowingTaskGroup(of: Void.self) { tasks in
        tasks.addTask { try await group.run() }
        let deadline = ContinuousClock.now + .seconds(10)
        while port.value == nil {
            guard ContinuousClock.now < deadline else {
                await group.triggerGracefulShutdown()
                throw TestProcessError(description: "the listener was not bound within 10 s")
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        do {
            let result = try await body(port.value ?? 0)
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
            return result
        } catch {
            await group.triggerGracefulShutdown()
            try? await tasks.waitForAll()
            throw error
        }
    }
}
