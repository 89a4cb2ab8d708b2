import ProcessRunning

/// Changing the project: build, up, stop, start, restart, down; each returns its run so callers can time it.
extension ComposeProject {
    /// `docker compose build [services…]` (all services when empty).
    @discardableResult
    package func build(services: [String] = [], timeout: Duration? = nil) async throws -> CommandResult {
        try await run(["build"] + services, timeout: timeout)
    }

    /// `docker compose up -d [--wait --wait-timeout <s>] [services…]`; with `wait`, returns once every service is healthy.
    /// `environment` wins over the env file in the compose file's `${…}` (a test's override; a later `up` without
    /// it recreates the changed services as they were).
    @discardableResult
    package func up(
        services: [String] = [],
        wait: Bool = true,
        timeout: Duration = .seconds(120),
        environment: [String: String] = [:]
    ) async throws -> CommandResult {
        let waiting = wait ? ["--wait", "--wait-timeout", String(Int(timeout.inSeconds.rounded(.up)))] : []
        var command = command(["up", "-d"] + waiting + services)
        command.environment.merge(environment) { _, override in override }
        // The process limit sits past compose's own so compose can report which service it waited on.
        return try await docker.runner.run(command, timeout: timeout + .seconds(60))
    }

    /// `docker compose restart [-t <s>] <service>`.
    @discardableResult
    package func restart(_ service: String, stopTimeout: Duration? = nil) async throws -> CommandResult {
        try await run(["restart"] + Self.stopTimeoutArguments(stopTimeout) + [service], timeout: .seconds(180))
    }

    /// `docker compose stop [-t <s>] <service>`.
    @discardableResult
    package func stop(_ service: String, stopTimeout: Duration? = nil) async throws -> CommandResult {
        try await run(["stop"] + Self.stopTimeoutArguments(stopTimeout) + [service], timeout: .seconds(180))
    }

    /// `docker compose start <service>`.
    @discardableResult
    package func start(_ service: String) async throws -> CommandResult {
        try await run(["start", service], timeout: .seconds(180))
    }

    /// `docker compose down [--volumes] [-t <s>]`: stops and removes the containers and network (and volumes if asked).
    @discardableResult
    package func down(volumes: Bool = false, timeout: Duration? = nil) async throws -> CommandResult {
        try await run(["down"] + (volumes ? ["--volumes"] : []) + Self.stopTimeoutArguments(timeout), timeout: .seconds(300))
    }

    // Compose's -t takes whole seconds; an unset stop timeout leaves each service's stop_grace_period in charge.
    private static func stopTimeoutArguments(_ stopTimeout: Duration?) -> [String] {
        stopTimeout.map { ["-t", String(Int($0.inSeconds.rounded(.up)))] } ?? []
    }
}
