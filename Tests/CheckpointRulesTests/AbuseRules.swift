import CheckpointRules
import Testing

/// SEC.abuse on abuse runs and `/health` polls like the stack's, and on each way they could be wrong.
@Suite("Abuse rules (SEC.abuse)")
struct AbuseRules {
    /// A run of `kind` as the stack answers it: floods refused at once with ENHANCE_YOUR_CALM, quiet connections closed
    /// after 30 to 40 s, slow requests after 30 s without an answer.
    static func run(_ kind: String, target: String = "127.0.0.1:50052") -> OracleAbuseRun {
        switch kind {
        case "rapid-reset", "ping-flood", "settings-flood":
            return OracleAbuseRun(
                kind: kind,
                target: target,
                holdSeconds: 75,
                framesSent: 210,
                bytesSent: 9_000,
                streamsOpened: kind == "rapid-reset" ? 105 : 0,
                advertisedMaxConcurrentStreams: 100,
                framesReceived: ["SETTINGS": 2, "GOAWAY": 1],
                goawayErrors: ["ENHANCE_YOUR_CALM"],
                goawayDebug: kind == "ping-flood" ? "too_many_pings" : nil,
                closed: true,
                closedBy: "eof",
                closedSeconds: 0.05
            )
        case "endless-streams":
            return OracleAbuseRun(
                kind: kind,
                target: target,
                holdSeconds: 75,
                framesSent: 101,
                bytesSent: 8_000,
                streamsOpened: 100,
                advertisedMaxConcurrentStreams: 100,
                framesReceived: ["SETTINGS": 2, "PING": 2, "GOAWAY": 1],
                goawayErrors: ["NO_ERROR"],
                closed: true,
                closedBy: "eof",
                closedSeconds: 40.1
            )
        case "idle-h2":
            return OracleAbuseRun(
                kind: kind,
                target: target,
                holdSeconds: 75,
                framesSent: 4,
                bytesSent: 80,
                advertisedMaxConcurrentStreams: 100,
                goawayErrors: ["NO_ERROR", "NO_ERROR"],
                closed: true,
                closedBy: "eof",
                closedSeconds: 30.0
            )
        default:
            return OracleAbuseRun(
                kind: kind,
                target: target,
                holdSeconds: 75,
                framesSent: kind == "idle" ? 0 : 16,
                bytesSent: kind == "idle" ? 0 : 16,
                closed: true,
                closedBy: "eof",
                closedSeconds: 30.0
            )
        }
    }

    /// Every run of the plan, the one of `kind` on `service` (when given) replaced by `broken`.
    static func runs(
        replacing kind: String? = nil,
        on service: String = Requirements.abuseOracleGRPC,
        with broken: ((OracleAbuseRun) -> OracleAbuseRun?)? = nil
    ) -> [(service: String, run: OracleAbuseRun)] {
        Requirements.abusePlan.flatMap { plan in
            plan.kinds.compactMap { planned -> (service: String, run: OracleAbuseRun)? in
                let good = run(planned)
                guard planned == kind, plan.service == service, let broken else { return (plan.service, good) }
                return broken(good).map { (service: plan.service, run: $0) }
            }
        }
    }

    /// 400 polls of the Oracle's and the api's `/health`, 200 in 5 ms, except `slow` of them taking `slowTime`.
    static func polls(slow: Int = 0, slowTime: Duration = .milliseconds(2500), status: Int? = 200) -> [(name: String, polls: [HealthPoll])] {
        let list = (0..<400).map { index in
            HealthPoll(at: .milliseconds(100 * index), status: index < slow ? status : 200, elapsed: index < slow ? slowTime : .milliseconds(5))
        }
        return [("oracle /health", list), ("api /api/health", list)]
    }

    @Test("Every abusive connection closed in time and /health fast meanwhile passes, naming each close")
    func passes() {
        let outcome = AbuseChecks.abuse(Self.runs(), polls: Self.polls(slow: 3))
        #expect(outcome.passed, "\(outcome.reason)")
        #expect(outcome.id == Requirements.secAbuse.id)
        #expect(outcome.measured.contains("rapid-reset on oracle gRPC closed after 0.050 s (GOAWAY ENHANCE_YOUR_CALM, eof)"))
        #expect(outcome.measured.contains("ping-flood on oracle gRPC closed after 0.050 s (GOAWAY ENHANCE_YOUR_CALM 'too_many_pings', eof)"))
        #expect(outcome.measured.contains("400 oracle /health polls, p99 0.005 s, slowest 2.500 s"))
    }

    @Test("An abusive connection left open fails")
    func leftOpen() {
        let outcome = AbuseChecks.abuse(
            Self.runs(replacing: "rapid-reset") { run in
                OracleAbuseRun(kind: run.kind, target: run.target, holdSeconds: 75, framesSent: 1000, bytesSent: 60_000, closed: false)
            },
            polls: Self.polls()
        )
        #expect(!outcome.passed)
        #expect(outcome.reason.contains("rapid-reset on oracle gRPC (127.0.0.1:50052) is still open after 75 s"), "\(outcome.reason)")
    }

    @Test("A /health p99 of 2.5 s fails, and so does a poll not answered 200")
    func slowHealth() {
        let slow = AbuseChecks.abuse(Self.runs(), polls: Self.polls(slow: 5))
        #expect(!slow.passed)
        #expect(slow.reason.contains("oracle /health p99 2.500 s, not < 2 s"), "\(slow.reason)")
        let unanswered = AbuseChecks.abuse(Self.runs(), polls: Self.polls(slow: 1, slowTime: .seconds(3), status: nil))
        #expect(!unanswered.passed)
        #expect(
            unanswered.reason.contains("1 of 400 oracle /health polls were not answered 200 (first at 0.000 s: no answer)"),
            "\(unanswered.reason)"
        )
        let none = AbuseChecks.abuse(Self.runs(), polls: [("oracle /health", [])])
        #expect(!none.passed && none.reason.contains("oracle /health was not polled during the abuse"), "\(none.reason)")
    }

    @Test("An idle connection still open after 60 s fails, whether closed later or never")
    func idleTooLong() {
        let late = AbuseChecks.abuse(
            Self.runs(replacing: "idle", on: Requirements.abuseOracleHealth) { run in
                OracleAbuseRun(
                    kind: run.kind,
                    target: "127.0.0.1:8052",
                    holdSeconds: 75,
                    framesSent: 0,
                    bytesSent: 0,
                    closed: true,
                    closedBy: "eof",
                    closedSeconds: 61
                )
            },
            polls: Self.polls()
        )
        #expect(!late.passed)
        #expect(late.reason.contains("idle on oracle health (127.0.0.1:8052) was closed only after 61.000 s, not within 60 s"), "\(late.reason)")
        let never = AbuseChecks.abuse(
            Self.runs(replacing: "endless-streams") { run in
                OracleAbuseRun(
                    kind: run.kind,
                    target: run.target,
                    holdSeconds: 75,
                    framesSent: 101,
                    bytesSent: 8_000,
                    streamsOpened: 100,
                    advertisedMaxConcurrentStreams: 100,
                    closed: false
                )
            },
            polls: Self.polls()
        )
        #expect(
            !never.passed && never.reason.contains("endless-streams on oracle gRPC (127.0.0.1:50052) is still open after 75 s"),
            "\(never.reason)"
        )
    }

    @Test("A close for a malformed frame, a flood closed only as idle, a missing or missing-limit run each fail")
    func closedForTheWrongReason() {
        let malformed = AbuseChecks.abuse(
            Self.runs(replacing: "settings-flood") { run in
                OracleAbuseRun(
                    kind: run.kind,
                    target: run.target,
                    holdSeconds: 75,
                    framesSent: 2,
                    bytesSent: 40,
                    goawayErrors: ["FRAME_SIZE_ERROR"],
                    closed: true,
                    closedBy: "eof",
                    closedSeconds: 0.01
                )
            },
            polls: Self.polls()
        )
        #expect(!malformed.passed && malformed.reason.contains("closed with GOAWAY FRAME_SIZE_ERROR"), "\(malformed.reason)")
        let lateFlood = AbuseChecks.abuse(
            Self.runs(replacing: "ping-flood") { run in
                OracleAbuseRun(
                    kind: run.kind,
                    target: run.target,
                    holdSeconds: 75,
                    framesSent: 1000,
                    bytesSent: 17_000,
                    goawayErrors: ["NO_ERROR"],
                    closed: true,
                    closedBy: "eof",
                    closedSeconds: 40
                )
            },
            polls: Self.polls()
        )
        #expect(!lateFlood.passed && lateFlood.reason.contains("not refused as a flood"), "\(lateFlood.reason)")
        let missing = AbuseChecks.abuse(Self.runs(replacing: "slowloris", on: Requirements.abuseAPI) { _ in nil }, polls: Self.polls())
        #expect(!missing.passed && missing.reason.contains("slowloris on api was not run"), "\(missing.reason)")
        let unlimited = AbuseChecks.abuse(
            Self.runs(replacing: "endless-streams") { run in
                OracleAbuseRun(
                    kind: run.kind,
                    target: run.target,
                    holdSeconds: 75,
                    framesSent: 1001,
                    bytesSent: 80_000,
                    streamsOpened: 1000,
                    closed: true,
                    closedBy: "eof",
                    closedSeconds: 40
                )
            },
            polls: Self.polls()
        )
        #expect(!unlimited.passed && unlimited.reason.contains("advertised no stream limit, not ≤ 100"), "\(unlimited.reason)")
        let badHead = AbuseChecks.abuse(
            Self.runs(replacing: "slowloris", on: Requirements.abuseOracleHealth) { run in
                OracleAbuseRun(
                    kind: run.kind,
                    target: "127.0.0.1:8052",
                    holdSeconds: 75,
                    framesSent: 3,
                    bytesSent: 3,
                    httpStatus: 400,
                    closed: true,
                    closedBy: "eof",
                    closedSeconds: 4
                )
            },
            polls: Self.polls()
        )
        #expect(!badHead.passed && badHead.reason.contains("answered 400 before its head was done"), "\(badHead.reason)")
        let unconnected = AbuseChecks.abuse(
            Self.runs(replacing: "idle", on: Requirements.abuseAPI) { run in
                OracleAbuseRun(
                    kind: run.kind,
                    target: "127.0.0.1:8000",
                    holdSeconds: 75,
                    connected: false,
                    failure: "connection refused",
                    framesSent: 0,
                    bytesSent: 0,
                    closed: false
                )
            },
            polls: Self.polls()
        )
        #expect(
            !unconnected.passed && unconnected.reason.contains("idle on api (127.0.0.1:8000): no connection: connection refused"),
            "\(unconnected.reason)"
        )
    }
}
