import Foundation
import StackHarness

/// The rules of the Performance checkpoint (PERF.*): the spec's floors, applied to timings and samples.
package enum PerformanceChecks {

    /// PERF.startup: from `State.StartedAt` to the first passing health probe under 30 s. `firstAnswer`, the
    /// first HTTP 200 from /health, is the real start-up time; the probe only runs every 10 s.
    package static func startup(timeToHealthy: Duration, firstAnswer: Duration?) -> CheckOutcome {
        var points = RequirementPoints("PERF.startup")
        points.expect(
            timeToHealthy < Requirements.startLimit,
            "healthy only after \(timeToHealthy.secondsText), not < \(Requirements.startLimit.secondsText)"
        )
        let answer = firstAnswer.map { "first /health 200 \($0.secondsText) after start" } ?? "/health never answered 200"
        return outcome(points, measured: "healthy \(timeToHealthy.secondsText) after start; \(answer)")
    }

    /// PERF.grpc, first half: a GetReading succeeded within 30 s of `State.StartedAt`.
    package static func grpcReady(_ readiness: OracleLoadReadiness, startedAt: Date) -> CheckOutcome {
        var points = RequirementPoints("PERF.grpc")
        guard readiness.ready, let readyAt = readiness.readyAt else {
            points.expect(
                false,
                "no GetReading succeeded in \(String(format: "%.1f", readiness.seconds)) s: \(readiness.lastError ?? "no error text")"
            )
            return outcome(points, measured: "no answer after \(readiness.attempts) attempts")
        }
        let after = Duration.seconds(readyAt.timeIntervalSince(startedAt))
        points.expect(after < Requirements.startLimit, "gRPC accepted only after \(after.secondsText), not < \(Requirements.startLimit.secondsText)")
        return outcome(points, measured: "first GetReading answered \(after.secondsText) after start (attempt \(readiness.attempts))")
    }

    /// PERF.grpc, second half: the median of sequential GetReading calls (no AI) is under 10 ms, and none failed.
    package static func callLatency(_ readings: OracleLoadReadings) -> CheckOutcome {
        var points = RequirementPoints("PERF.grpc")
        points.expect(readings.errors == 0, "\(readings.errors) calls failed: \(readings.firstError ?? "")")
        points.expect(
            readings.p50Milliseconds < Requirements.callLimitMilliseconds,
            String(format: "p50 %.2f ms, not < %g ms", readings.p50Milliseconds, Requirements.callLimitMilliseconds)
        )
        return outcome(
            points,
            measured: String(
                format: "p50 %.2f ms, p99 %.2f ms, max %.2f ms over %d sequential calls",
                readings.p50Milliseconds,
                readings.p99Milliseconds,
                readings.maxMilliseconds,
                readings.count
            )
        )
    }

    /// PERF.health: every one of `requested` GETs answered 200, the slowest (so the p99 too) in under 2 s.
    /// `failures` are the requests that got no HTTP answer at all.
    package static func health(_ replies: [HTTPReply], requested: Int, failures: [String]) -> CheckOutcome {
        let times = replies.map(\.elapsed).sorted()
        let notOK = replies.filter { $0.status != 200 }
        let slowest = times.last ?? .zero
        let p99 = times.isEmpty ? .zero : times[max(0, Int((0.99 * Double(times.count)).rounded(.up)) - 1)]
        let median = times.isEmpty ? .zero : times[times.count / 2]
        var points = RequirementPoints("PERF.health")
        points.expect(replies.count == requested, "only \(replies.count) of \(requested) requests answered: \(failures.first ?? "")")
        points.expect(notOK.isEmpty, "\(notOK.count) answers were not 200, e.g. \(notOK.first.map { "\($0.status) \($0.text.prefix(120))" } ?? "")")
        points.expect(
            slowest < Requirements.healthAnswerLimit,
            "slowest answer \(slowest.secondsText), not < \(Requirements.healthAnswerLimit.secondsText)"
        )
        return outcome(
            points,
            measured: "max \(milliseconds(slowest)), p99 \(milliseconds(p99)), median \(milliseconds(median)) over \(replies.count) GETs"
        )
    }

    /// PERF.resources: every sample under load stays within 1 CPU (≤ 100 %) and under 1 GiB of memory.
    package static func resources(_ samples: [DockerStatsSample], load: OracleLoadReadings) -> CheckOutcome {
        let maxCPU = samples.map(\.cpuPercent).max() ?? 0
        let maxMemory = samples.map(\.memoryBytes).max() ?? 0
        var points = RequirementPoints("PERF.resources")
        points.expect(!samples.isEmpty, "no docker stats sample was taken")
        points.expect(load.errors == 0, "\(load.errors) of the load's calls failed: \(load.firstError ?? "")")
        points.expect(
            maxCPU <= Requirements.cpuLimitPercent,
            String(format: "CPU reached %.2f %%, over %g %% (1 CPU)", maxCPU, Requirements.cpuLimitPercent)
        )
        points.expect(
            maxMemory < Requirements.memoryLimitBytes,
            "memory reached \(maxMemory) bytes, not < \(Requirements.memoryLimitBytes) bytes (1 GiB)"
        )
        return outcome(
            points,
            measured: String(
                format: "max CPU %.2f %%, max memory %.1f MiB over %d samples (%d readings at concurrency %d in %.2f s)",
                maxCPU,
                Double(maxMemory) / 1_048_576,
                samples.count,
                load.count,
                load.concurrency,
                load.wallSeconds
            )
        )
    }

    /// PERF.analysis: 1,000 GetReading calls (no AI) all succeed within 5 s of wall time.
    package static func analysis(_ readings: OracleLoadReadings) -> CheckOutcome {
        var points = RequirementPoints("PERF.analysis")
        points.expect(readings.ok == readings.count, "\(readings.errors) of \(readings.count) calls failed: \(readings.firstError ?? "")")
        points.expect(
            readings.wallSeconds < Requirements.analysisLimitSeconds,
            String(format: "took %.3f s, not < %g s", readings.wallSeconds, Requirements.analysisLimitSeconds)
        )
        return outcome(
            points,
            measured: String(
                format: "%d readings in %.3f s at concurrency %d (p50 %.2f ms, p99 %.2f ms)",
                readings.count,
                readings.wallSeconds,
                readings.concurrency,
                readings.p50Milliseconds,
                readings.p99Milliseconds
            )
        )
    }

    // The outcome of `points` with `measured` as the report's value; a failure's broken points are added to it,
    // so the report and the failure message say why.
    private static func outcome(_ points: RequirementPoints, measured: String) -> CheckOutcome {
        let broken = points.problems.joined(separator: "; ")
        return CheckOutcome(
            id: points.id,
            passed: points.problems.isEmpty,
            measured: points.problems.isEmpty ? measured : "\(measured); broken: \(broken)",
            reason: points.problems.isEmpty ? "\(points.count)/\(points.count) points hold" : broken
        )
    }

    // "12.3 ms", for the measured texts.
    private static func milliseconds(_ duration: Duration) -> String {
        String(format: "%.1f ms", duration.inSeconds * 1000)
    }
}
