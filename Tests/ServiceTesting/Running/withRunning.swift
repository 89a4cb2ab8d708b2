import ServiceLifecycle
import ServiceRuntime

/// Runs `application`'s services in-process until `isReady` holds, calls `body` with the running group (which
/// `body` may shut down itself), then shuts the group down gracefully and waits for it to stop.
///
/// Throws ``ApplicationNotReady`` when `isReady` does not hold within `limit`; `diagnostics` (for example the
/// captured logs) is added to that error.
public func withRunning<Application: ServiceApplication, Result: Sendable>(
    _ application: Application,
    until isReady: @escaping @Sendable (Application) -> Bool,
    within limit: Duration = .seconds(10),
    diagnostics: @escaping @Sendable () -> String = { "" },
    _ body: @Sendable (ServiceGroup) async throws -> Result
) async throws -> Result {
    // In-process, the group shares the test process with hundreds of parallel tests: a cancellation slowed past the
    // service's 300 ms by a loaded machine must fail one test, not end the whole run with a fatal error.
    let group = application.makeGroup(cancellationLimit: inProcessCancellationLimit)
    return try await withThrowingTaskGroup(of: Void.self) { tasks in
        tasks.addTask { try await group.run() }
        let deadline = ContinuousClock.now + limit
        while !isReady(application) {
            guard ContinuousClock.now < deadline else {
                await group.triggerGracefulShutdown()
                throw ApplicationNotReady(limit: limit, diagnostics: diagnostics())
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        do {
            let result = try await body(group)
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
