import CheckpointRules
import Foundation
import StackHarness

/// Samples one container with `docker stats --no-stream` while some work runs.
///
/// Each `docker stats --no-stream` takes about 1.5 s (the engine averages CPU over about a second), so a new sample
/// starts every `interval` without waiting for the last, and their windows overlap. On a busy machine the
/// interval stretches (the sampler's sleep wakes late), so a one-second load may get only two samples.
struct DockerStatsSampler: Sendable {
    /// The container to sample.
    let container: String
    /// The CLI that samples it.
    let docker: DockerCLI
    /// Time between the starts of two samples.
    let interval: Duration

    /// Describes the sampling.
    init(container: String, docker: DockerCLI, interval: Duration = .milliseconds(500)) {
        self.container = container
        self.docker = docker
        self.interval = interval
    }

    /// Runs `work`, sampling from its start to its end; returns its value and every sample taken, in start order.
    func sample<Value: Sendable>(while work: () async throws -> Value) async throws -> (value: Value, samples: [DockerStatsSample]) {
        // Cancelling the sampler ends its loop; the samples already started are unstructured tasks, which the
        // cancellation does not reach, so each finishes and is collected.
        let sampler = Task { [self] in
            var started: [Task<DockerStatsSample, any Error>] = []
            while !Task.isCancelled {
                started.append(Task { try await one() })
                try? await Task.sleep(for: interval)
            }
            var samples: [DockerStatsSample] = []
            for task in started {
                samples.append(try await task.value)
            }
            return samples
        }
        let value: Value
        do {
            value = try await work()
        } catch {
            sampler.cancel()
            _ = try? await sampler.value
            throw error
        }
        sampler.cancel()
        return (value, try await sampler.value)
    }

    // One `docker stats --no-stream --format '{{json .}}' <container>`.
    private func one() async throws -> DockerStatsSample {
        let result = try await docker.run(["stats", "--no-stream", "--format", "{{json .}}", container], timeout: .seconds(30))
        do {
            return try JSONDecoder().decode(DockerStatsSample.self, from: result.standardOutputData)
        } catch {
            throw HarnessError.undecodable(what: "the output of \(result.command.commandLine)", reason: "\(error): \(result.standardOutput)")
        }
    }
}
