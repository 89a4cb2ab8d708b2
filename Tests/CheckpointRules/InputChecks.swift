import StackHarness

/// SEC.limits.input and SEC.fuzz: what the Oracle answers input it must refuse, measured with `oracle-benchmark load`.
package enum InputChecks {
    /// Every string and repeated field of the contract (and the idempotency-key metadata), by RPC and the name its
    /// INVALID_ARGUMENT message starts with.
    package static let boundedFields: [(rpc: String, field: String)] = [
        ("GetReading", "datetime"), ("GetNameReading", "name"), ("GetQuestionSign", "question"), ("GetDailyInsight", "date"),
        ("GetTimingAlignment", "datetime"), ("SuggestRange", "scanned_ranges[0]"), ("SuggestRange", "scanned_ranges"),
        ("AnalyzeSession", "session_id"), ("AnalyzeSession", "mode"), ("AnalyzeSession", "model"), ("AnalyzeSession", "extra"),
        ("AnalyzeSession", "extra[k]"), ("SuggestRange", "idempotency-key"),
    ]

    /// SEC.limits.input: each field's largest probe is refused naming the field, no message quotes more than the bound,
    /// and some message does quote its input (so the measure of quoting is shown to work).
    package static func inputLimits(_ run: OracleInputLimits) -> CheckOutcome {
        let bound = Requirements.maxQuotedBytes
        var points = RequirementPoints(Requirements.secInputLimits.id)
        for (rpc, field) in boundedFields {
            let probes = run.answers.filter { $0.rpc == rpc && $0.field == field }
            guard let largest = probes.max(by: { $0.bytes < $1.bytes }) else {
                points.expect(false, "\(rpc) \(field) was not probed")
                continue
            }
            points.expect(
                largest.status == "INVALID_ARGUMENT" && largest.message.hasPrefix(field),
                "\(rpc) \(field) of \(largest.bytes) got \(largest.status) '\(largest.message.prefix(120))', not INVALID_ARGUMENT naming \(field)"
            )
        }
        for answer in run.answers where answer.quotedBytes > bound {
            points.expect(false, "\(answer.rpc) \(answer.field) of \(answer.bytes) bytes: the message quotes \(answer.quotedBytes) bytes of it")
        }
        let quoting = run.answers.filter { $0.quotedBytes > 0 }
        points.expect(!quoting.isEmpty, "no message quotes its input, so the quoted bytes were not shown to be measured")
        let longest = run.answers.map(\.messageBytes).max() ?? 0
        return points.outcome(
            summary:
                "\(boundedFields.count) fields refused far over their limits, naming themselves; \(run.answers.count) answers, the longest message \(longest) bytes, at most \(run.answers.map(\.quotedBytes).max() ?? 0) input bytes quoted (\(quoting.count) quote some)"
        )
    }

    /// SEC.fuzz: every message of every kind sent and answered with an allowed status, the Oracle neither restarted nor
    /// grew by the bound, and the reference reading the same afterwards.
    package static func fuzz(
        _ run: OracleFuzzRun,
        restarts: Int,
        memoryGrowthMB: Double,
        readingBefore: String,
        readingAfter: String
    ) -> CheckOutcome {
        var points = RequirementPoints(Requirements.secFuzz.id)
        points.expect(run.messages >= Requirements.fuzzMessages, "\(run.messages) messages sent, not \(Requirements.fuzzMessages)")
        let missingKinds = ["random_bytes", "mutated", "extreme_varints", "invalid_utf8", "deeply_repeated", "huge"].filter {
            (run.kinds[$0] ?? 0) == 0
        }
        points.expect(missingKinds.isEmpty, "no message of kind \(missingKinds.joined(separator: ", "))")
        for (status, count) in run.statuses.sorted(by: { $0.key < $1.key }) where !Requirements.fuzzStatuses.contains(status) {
            points.expect(false, "\(count) × \(status), first \(run.firstOfStatus[status] ?? "?") (seed \(run.seed))")
        }
        points.expect(restarts == 0, "the Oracle restarted \(restarts) time(s)")
        points.expect(
            memoryGrowthMB < Double(Requirements.fuzzMemoryGrowthMB),
            "memory grew \(memoryGrowthMB.formatted(fractionDigits: 1)) MB, not < \(Requirements.fuzzMemoryGrowthMB) MB"
        )
        points.expect(
            !readingBefore.isEmpty && readingBefore == readingAfter,
            "the reference reading changed: \(readingBefore.prefix(80)) → \(readingAfter.prefix(80))"
        )
        let statuses = run.statuses.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        return points.outcome(
            summary:
                "\(run.messages) messages in \(run.wallSeconds.formatted(fractionDigits: 0)) s (seed \(run.seed)): \(statuses); 0 restarts; memory \(memoryGrowthMB >= 0 ? "+" : "")\(memoryGrowthMB.formatted(fractionDigits: 1)) MB; reference reading unchanged"
        )
    }
}
