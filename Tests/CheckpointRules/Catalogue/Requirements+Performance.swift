import StackHarness

/// Performance (PERF.*): the spec's floors; the goals are in the benchmark.
extension Requirements {
    /// PERF.startup and PERF.grpc: start to healthy, and start to the first gRPC answer.
    package static let startLimit: Duration = .seconds(30)
    /// PERF.grpc: one call handled, without AI, in milliseconds.
    package static let callLimitMilliseconds = 10.0
    /// PERF.resources: the Oracle's CPU limit, 1 CPU (100 % in docker stats).
    package static let cpuLimitPercent = 100.0
    /// PERF.resources: the Oracle's memory limit, 1 GiB.
    package static let memoryLimitBytes: Int64 = 1 << 30
    /// PERF.analysis: how many readings, and the seconds they may take.
    package static let analysisReadings = 1000
    /// PERF.analysis: the seconds the readings may take.
    package static let analysisLimitSeconds = 5.0

    /// PERF.startup.
    package static let perfStartup = Requirement("PERF.startup", asks: "container start to healthy", limit: "< \(startLimit.limitText)")
    /// PERF.grpc, the latency of one call.
    package static let perfGRPC = Requirement(
        "PERF.grpc",
        asks: "one call is handled quickly, not counting AI",
        limit: "p50 < \(callLimitMilliseconds.compactText) ms"
    )
    /// PERF.grpc, the time to the first answer.
    package static let perfGRPCReady = Requirement(
        "PERF.grpc",
        asks: "the Oracle accepts gRPC calls soon after start",
        limit: "< \(startLimit.limitText)"
    )
    /// PERF.health.
    package static let perfHealth = Requirement(
        "PERF.health",
        asks: "/health answers quickly (50 GETs on 127.0.0.1:8052/health, max and p99)",
        limit: "every answer 200 in < \(healthAnswerLimit.limitText)"
    )
    /// PERF.resources.
    package static let perfResources = Requirement(
        "PERF.resources",
        asks: "under a short load the Oracle stays within its limits (docker stats samples)",
        limit: "CPU ≤ \(cpuLimitPercent.compactText) % (1 CPU), memory < 1 GiB"
    )
    /// PERF.analysis.
    package static let perfAnalysis = Requirement(
        "PERF.analysis",
        asks: "\(analysisReadings) readings (GetReading over gRPC, no AI) complete quickly",
        limit: "< \(analysisLimitSeconds.compactText) s"
    )
}
