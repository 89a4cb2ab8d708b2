import CheckpointRules
import Foundation
import StackHarness
import Testing

extension Checkpoints.Security {
    /// The size every string field is probed with far over its limit: within the Oracle's 1 MiB request limit.
    static let probeBytes = 100_000
    /// The fuzz's seed: fixed, so a failure is sent again by the same command.
    static let fuzzSeed = 1

    @Test(
        "SEC.limits.input: every string field has a byte limit; an error message never echoes more than 256 bytes of the input",
        arguments: [Requirements.secInputLimits]
    )
    func secInputLimits(_ requirement: Requirement) async throws {
        let stack = Stack.shared
        try await stack.ensureRunning()
        let probe = try await OracleLoad().inputLimits(bytes: Self.probeBytes)
        try await prove(
            Measurement(
                InputChecks.inputLimits(probe.value),
                subject: "oracle-benchmark load --input-limits \(Self.probeBytes): each field at 60, 300 and \(Self.probeBytes) bytes",
                limit: requirement.limit
            )
        )
    }

    @Test(
        "SEC.fuzz: 100,000 generated gRPC messages → no crash or restart, only OK, INVALID_ARGUMENT, RESOURCE_EXHAUSTED or FAILED_PRECONDITION, memory growth < 50 MB, reference readings unchanged",
        arguments: [Requirements.secFuzz]
    )
    func secFuzz(_ requirement: Requirement) async throws {
        let stack = Stack.shared
        try await stack.ensureRunning()
        let oracle = StackServices.container("oracle")
        let restartsBefore = try await stack.docker.inspectContainer(oracle).restartCount
        let readingBefore = try await Self.referenceReading()
        let sampler = DockerStatsSampler(container: oracle, docker: stack.docker, interval: .seconds(2))
        let (fuzz, samples) = try await sampler.sample {
            try await OracleLoad().fuzz(messages: Requirements.fuzzMessages, seed: Self.fuzzSeed)
        }
        let after = try await stack.docker.inspectContainer(oracle)
        let readingAfter = try await Self.referenceReading()
        let baseline = try #require(samples.first, "docker stats gave no sample of \(oracle)").memoryBytes
        let peak = samples.map(\.memoryBytes).max() ?? baseline
        try await prove(
            Measurement(
                InputChecks.fuzz(
                    fuzz.value,
                    restarts: after.restartCount - restartsBefore + (after.state.running ? 0 : 1),
                    memoryGrowthMB: Double(peak - baseline) / 1_000_000,
                    readingBefore: readingBefore,
                    readingAfter: readingAfter
                ),
                subject:
                    "oracle-benchmark load --fuzz \(Requirements.fuzzMessages) --seed \(Self.fuzzSeed) on the stack's Oracle; docker stats every 2 s",
                limit: requirement.limit
            )
        )
    }

    /// The api's reading of the contract's reference moment, without its `generated_at`, as canonical JSON.
    static func referenceReading() async throws -> String {
        let reply = try await HTTPFetch.get(try Stack.shared.apiURL(Checkpoints.Checkpoint5.readingPath), timeout: .seconds(20))
        guard case .object(var fields) = try JSONDecoder().decode(JSONValue.self, from: reply.body) else { return "" }
        fields["generated_at"] = nil
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(JSONValue.object(fields)), as: UTF8.self)
    }
}
