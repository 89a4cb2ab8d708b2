import CheckpointRules
import Foundation
import StackHarness
import Testing

extension Checkpoints.Security {
    /// The stack's published gRPC port, as `OracleLoad` aims at it by default.
    static let abuseGRPCTarget = "127.0.0.1:50052"

    @Test(
        "SEC.abuse: HTTP/2 abuse (rapid reset, PING and SETTINGS floods, streams that never end) and slowloris on 8052 and 8000 → the abusive connection is closed, other clients' /health p99 stays < 2 s, idle connections are closed within 60 s",
        arguments: [Requirements.secAbuse]
    )
    func secAbuse(_ requirement: Requirement) async throws {
        let stack = Stack.shared
        try await stack.ensureRunning()
        let oracleHealth = try stack.oracleHealthURL()
        let apiHealth = try stack.apiURL("/api/health")
        let targets = [
            Requirements.abuseOracleGRPC: Self.abuseGRPCTarget,
            Requirements.abuseOracleHealth: Self.hostAndPort(oracleHealth),
            Requirements.abuseAPI: Self.hostAndPort(apiHealth),
        ]
        // Every abuse at once, each bounded by the hold, while two other clients poll /health; the pollers stop
        // on their own a little after the last hold could end, so the client must be ready before they start.
        try await OracleLoad.prepare()
        let since = Date()
        let pollLimit = Requirements.abuseHold + .seconds(20)
        let pollers = [
            ("oracle /health", HealthPoller(url: oracleHealth, since: since, limit: pollLimit)),
            ("api /api/health", HealthPoller(url: apiHealth, since: since, limit: pollLimit)),
        ]
        let runs = try await withThrowingTaskGroup(
            of: (service: String, run: OracleAbuseRun).self,
            returning: [(service: String, run: OracleAbuseRun)].self
        ) { group in
            for (service, kinds) in Requirements.abusePlan {
                let load = OracleLoad(target: targets[service] ?? Self.abuseGRPCTarget)
                for kind in kinds {
                    group.addTask { (service, try await load.abuse(kind, hold: Requirements.abuseHold).value) }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        var polls: [(name: String, polls: [HealthPoll])] = []
        for (name, poller) in pollers {
            polls.append((name, await poller.stop()))
        }
        let plan = Requirements.abusePlan.map { "\($0.kinds.joined(separator: ", ")) on \($0.service) (\(targets[$0.service] ?? "?"))" }
        try await prove(
            Measurement(
                AbuseChecks.abuse(runs, polls: polls),
                subject:
                    "oracle-benchmark load --abuse KIND --hold \(Requirements.abuseHold.limitText), all at once: \(plan.joined(separator: "; ")); /health polled every 100 ms meanwhile",
                limit: requirement.limit
            )
        )
    }

    /// `HOST:PORT` of `url`, as `--target` takes it.
    static func hostAndPort(_ url: URL) -> String {
        "\(url.host ?? "127.0.0.1"):\(url.port ?? 80)"
    }
}
