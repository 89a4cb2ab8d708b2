import CheckpointRules
import Testing

/// SEC.limits.input and SEC.fuzz on answers like the Oracle's, and on each way they could be wrong.
@Suite("Input rules (SEC.limits.input, SEC.fuzz)")
struct InputRules {
    /// Answers like the Oracle's: each field far over its limit refused naming it; a 60-byte datetime quoted.
    static func limits(editing edit: (inout [OracleInputLimits.Answer]) -> Void = { _ in }) -> OracleInputLimits {
        var answers = InputChecks.boundedFields.map { rpc, field in
            let message = "\(field): 100000 bytes (UTF-8) is over the limit"
            return OracleInputLimits.Answer(
                rpc: rpc,
                field: field,
                bytes: 100_000,
                status: "INVALID_ARGUMENT",
                messageBytes: message.utf8.count,
                quotedBytes: 0,
                message: message
            )
        }
        answers.append(
            .init(
                rpc: "GetReading",
                field: "datetime",
                bytes: 60,
                status: "INVALID_ARGUMENT",
                messageBytes: 120,
                quotedBytes: 60,
                message: "datetime: 'ZZZ…' is not ISO 8601"
            )
        )
        edit(&answers)
        return OracleInputLimits(answers: answers)
    }

    /// A fuzz run like the Oracle's: every kind, only allowed statuses.
    static func fuzzRun(
        statuses: [String: Int] = ["OK": 21_000, "INVALID_ARGUMENT": 78_750, "RESOURCE_EXHAUSTED": 250],
        messages: Int = 100_000
    ) -> OracleFuzzRun {
        OracleFuzzRun(
            seed: 1,
            messages: messages,
            statuses: statuses,
            kinds: [
                "random_bytes": 30_000, "mutated": 40_000, "extreme_varints": 10_000, "invalid_utf8": 10_000, "deeply_repeated": 9_750, "huge": 250,
            ],
            firstOfStatus: ["UNKNOWN": "#17 mutated SuggestRange: boom"],
            wallSeconds: 200
        )
    }

    @Test("Every field refused far over its limit, naming itself, with quoting within 256 bytes, passes")
    func limitsHold() {
        let outcome = InputChecks.inputLimits(Self.limits())
        #expect(outcome.passed, "\(outcome.reason)")
        #expect(outcome.measured.contains("13 fields refused"), "\(outcome.measured)")
    }

    @Test("A field taken whole (OK), refused without its name, unprobed, or quoted past 256 bytes fails, naming it")
    func limitsBroken() {
        let cases: [((inout [OracleInputLimits.Answer]) -> Void, String)] = [
            (
                { $0[10] = .init(rpc: "AnalyzeSession", field: "extra", bytes: 100_000, status: "OK", messageBytes: 0, quotedBytes: 0, message: "") },
                "AnalyzeSession extra of 100000 got OK"
            ),
            (
                {
                    $0[0] = .init(
                        rpc: "GetReading",
                        field: "datetime",
                        bytes: 100_000,
                        status: "RESOURCE_EXHAUSTED",
                        messageBytes: 50,
                        quotedBytes: 0,
                        message: "received metadata size exceeds hard limit"
                    )
                },
                "GetReading datetime of 100000 got RESOURCE_EXHAUSTED"
            ),
            ({ $0.removeAll { $0.field == "model" } }, "AnalyzeSession model was not probed"),
            (
                {
                    $0.append(
                        .init(
                            rpc: "GetNameReading",
                            field: "name",
                            bytes: 300,
                            status: "INVALID_ARGUMENT",
                            messageBytes: 400,
                            quotedBytes: 300,
                            message: "name: 'ZZZ…'"
                        )
                    )
                },
                "the message quotes 300 bytes"
            ),
            ({ $0.removeLast() }, "no message quotes its input"),
        ]
        for (edit, problem) in cases {
            let outcome = InputChecks.inputLimits(Self.limits(editing: edit))
            #expect(!outcome.passed && outcome.reason.contains(problem), "\(problem): \(outcome.reason)")
        }
    }

    @Test("100,000 messages with allowed statuses, no restart, little growth and the same reading pass")
    func fuzzHolds() {
        let outcome = InputChecks.fuzz(Self.fuzzRun(), restarts: 0, memoryGrowthMB: 3.2, readingBefore: "{r}", readingAfter: "{r}")
        #expect(outcome.passed, "\(outcome.reason)")
        #expect(outcome.measured.contains("INVALID_ARGUMENT 78750, OK 21000, RESOURCE_EXHAUSTED 250"), "\(outcome.measured)")
    }

    @Test("An UNKNOWN status, a restart, 60 MB of growth, a changed reading or too few messages each fail SEC.fuzz")
    func fuzzBroken() {
        let unknown = InputChecks.fuzz(
            Self.fuzzRun(statuses: ["OK": 99_999, "UNKNOWN": 1]),
            restarts: 0,
            memoryGrowthMB: 1,
            readingBefore: "{r}",
            readingAfter: "{r}"
        )
        #expect(!unknown.passed && unknown.reason.contains("1 × UNKNOWN, first #17 mutated SuggestRange: boom (seed 1)"), "\(unknown.reason)")
        let restarted = InputChecks.fuzz(Self.fuzzRun(), restarts: 1, memoryGrowthMB: 1, readingBefore: "{r}", readingAfter: "{r}")
        #expect(!restarted.passed && restarted.reason.contains("restarted 1 time(s)"), "\(restarted.reason)")
        let grown = InputChecks.fuzz(Self.fuzzRun(), restarts: 0, memoryGrowthMB: 60, readingBefore: "{r}", readingAfter: "{r}")
        #expect(!grown.passed && grown.reason.contains("memory grew 60.0 MB"), "\(grown.reason)")
        let changed = InputChecks.fuzz(Self.fuzzRun(), restarts: 0, memoryGrowthMB: 1, readingBefore: "{r}", readingAfter: "{s}")
        #expect(!changed.passed && changed.reason.contains("the reference reading changed"), "\(changed.reason)")
        let short = InputChecks.fuzz(Self.fuzzRun(messages: 10), restarts: 0, memoryGrowthMB: 1, readingBefore: "{r}", readingAfter: "{r}")
        #expect(!short.passed && short.reason.contains("10 messages sent"), "\(short.reason)")
    }
}
