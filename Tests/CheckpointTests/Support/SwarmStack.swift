import CheckpointRules
import Foundation
import ProcessRunning
import StackHarness
import Synchronization

/// The stack on Swarm, as the Swarm suite drives it: deploy.sh and rollback.sh, and what `docker service` says.
struct SwarmStack: Sendable {
    /// The stack's name (deploy.sh's).
    static let name = "nps"
    /// The api's published port on Swarm (the routing mesh, every address).
    static let apiReading = URL(string: "http://127.0.0.1:8000\(Checkpoints.Checkpoint5.readingPath)")!

    /// The compose stack whose engine, images and env file it shares.
    let stack: Stack

    private var docker: DockerCLI { stack.docker }

    /// `deploy.sh`, whatever its exit status.
    func deploy() async throws -> CommandResult {
        try await stack.script("deploy.sh", timeout: .seconds(900))
    }

    /// `deploy.sh --remove`, whatever its exit status.
    func remove() async throws -> CommandResult {
        try await stack.script("deploy.sh", "--remove", timeout: .seconds(300))
    }

    /// The stack's services, without the stack's prefix.
    func services() async throws -> [SwarmService] {
        let listed = try await docker.run(
            ["service", "ls", "--filter", "label=com.docker.stack.namespace=\(Self.name)", "--format", "{{.Name}}\t{{.Replicas}}"],
            timeout: .seconds(30)
        )
        var services: [SwarmService] = []
        for line in listed.standardOutput.split(separator: "\n") {
            let fields = line.split(separator: "\t").map(String.init)
            guard fields.count == 2 else { continue }
            let replicas = fields[1].split(separator: " ")[0].split(separator: "/").compactMap { Int($0) }
            let inspect = try await docker.run(
                [
                    "service", "inspect", "--format",
                    "{{if .UpdateStatus}}{{.UpdateStatus.State}}{{end}}\t{{.Spec.TaskTemplate.ContainerSpec.Image}}", fields[0],
                ],
                timeout: .seconds(30)
            )
            let details = inspect.standardOutput.trimmingCharacters(in: .newlines).split(separator: "\t", omittingEmptySubsequences: false).map(
                String.init
            )
            services.append(
                SwarmService(
                    name: String(fields[0].dropFirst(Self.name.count + 1)),
                    running: replicas.first ?? 0,
                    desired: replicas.count > 1 ? replicas[1] : 0,
                    updateState: details.first.flatMap { $0.isEmpty ? nil : $0 },
                    image: details.count > 1 ? details[1] : ""
                )
            )
        }
        return services
    }

    /// One service by its short name.
    func service(_ name: String) async throws -> SwarmService? {
        try await services().first { $0.name == name }
    }

    /// The IDs of the service's tasks that run (healthy, when it has a probe) and are meant to.
    func runningTasks(_ service: String) async throws -> Set<String> {
        let tasks = try await docker.run(
            ["service", "ps", "--no-trunc", "--filter", "desired-state=running", "--format", "{{.ID}} {{.CurrentState}}", "\(Self.name)_\(service)"],
            timeout: .seconds(30)
        )
        return Set(tasks.standardOutput.split(separator: "\n").filter { $0.contains(" Running") }.map { String($0.split(separator: " ")[0]) })
    }

    /// The host PID of a running task's container (on this node).
    func hostPID(ofTask task: String) async throws -> Int32? {
        let container = try await docker.run(["inspect", "--format", "{{.Status.ContainerStatus.ContainerID}}", task], timeout: .seconds(30))
        let id = container.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !id.isEmpty else { return nil }
        return try await Int32(
            docker.run(["inspect", "--format", "{{.State.Pid}}", id], timeout: .seconds(30)).standardOutput.trimmingCharacters(
                in: .whitespacesAndNewlines
            )
        )
    }

    /// `docker service <arguments>`, detached, throwing when the CLI refuses.
    func serviceCommand(_ arguments: [String]) async throws {
        try await docker.run(["service"] + arguments, timeout: .seconds(60))
    }

    /// Polls every 2 s until the service's update state is one of `states` or `limit` passes; the service as last seen.
    func waitForUpdate(_ service: String, endingIn states: Set<String>, limit: Duration) async throws -> SwarmService? {
        let end = ContinuousClock.now + limit
        var last: SwarmService?
        repeat {
            last = try await self.service(service)
            if let state = last?.updateState, states.contains(state), last.map({ $0.running == $0.desired }) ?? false { return last }
            try await Task.sleep(for: .seconds(2))
        } while ContinuousClock.now < end
        return last
    }

    /// `SELECT count(*)` of the Oracle's suggestions, in the postgres task's container.
    func suggestionRows() async throws -> Int {
        let container = try await docker.run(
            ["ps", "-q", "--filter", "label=com.docker.swarm.service.name=\(Self.name)_postgres"],
            timeout: .seconds(30)
        ).standardOutput.split(separator: "\n").first.map(String.init)
        guard let container else { throw HarnessError.undecodable(what: "the postgres task", reason: "no container runs it here") }
        let database = try StackDatabase(stack: stack)
        let count = try await docker.exec(
            container,
            ["psql", "-U", database.user, "-d", database.name, "-Atc", "SELECT count(*) FROM oracle_suggestions"],
            timeout: .seconds(30)
        )
        guard count.succeeded, let rows = Int(count.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw StackDatabase.QueryFailure(description: "psql failed: \(count.transcript)")
        }
        return rows
    }

    /// Runs `operation` while GetReading calls go through the api at `rate` per second (each on its own, with a
    /// 10 s limit); returns its result and the calls, all answered before this returns.
    static func calls<T: Sendable>(
        rate: Int,
        during operation: () async throws -> T
    ) async throws -> (T, PacedCalls) {
        let stop = Mutex(false)
        let load = Task {
            await withTaskGroup(of: (status: Int, instance: String?, failure: String).self) { group in
                let start = ContinuousClock.now
                var next = start
                var sentUntil = start
                while !stop.withLock({ $0 }) {
                    group.addTask {
                        do {
                            let reply = try await HTTPFetch.get(apiReading, timeout: .seconds(10))
                            return (reply.status, reply.oracleInstance, "HTTP \(reply.status) \(reply.text.prefix(160))")
                        } catch {
                            return (0, nil, "\(error)")
                        }
                    }
                    sentUntil = ContinuousClock.now
                    next += .seconds(1) / rate
                    try? await Task.sleep(until: next)
                }
                var calls = PacedCalls()
                for await answer in group {
                    calls.add(status: answer.status, instance: answer.instance, failure: answer.failure)
                }
                calls.seconds = (sentUntil - start).inSeconds
                return calls
            }
        }
        let result: T
        do {
            result = try await operation()
        } catch {
            stop.withLock { $0 = true }
            _ = await load.value
            throw error
        }
        stop.withLock { $0 = true }
        return (result, await load.value)
    }
}
