import GRPCCore
import Synchronization
import Testing

@testable import OracleBenchmark

/// The load's arithmetic and loops without a server: percentiles, the flood's questions, the batch and the wait.
@Suite("oracle-benchmark load: measuring")
struct LoadMeasureTests {
    @Test("percentiles are nearest rank: the value at rank ⌈fraction × count⌉ of the ascending latencies")
    func nearestRank() {
        let tens = (1...10).map(Double.init)
        #expect(tens.nearestRank(0.5) == 5)
        #expect(tens.nearestRank(0.99) == 10)
        let twoHundred = (1...200).map(Double.init)
        #expect(twoHundred.nearestRank(0.5) == 100)
        #expect(twoHundred.nearestRank(0.99) == 198)
        #expect([7.0].nearestRank(0.99) == 7)
        #expect([Double]().nearestRank(0.5) == nil)
    }

    @Test("the flood's questions are 2,000 ASCII characters, numbered, and enough of them to send the bytes asked for")
    func floodQuestions() {
        let questions = FloodQuestions()
        #expect(questions.bytesPerQuestion == 2000)
        #expect(questions.question(12_345).utf8.count == 2000)
        #expect(questions.question(7).hasPrefix("#7 Will the cosmic cycle favour"))
        #expect(questions.calls(toSend: 66_000_000) == 33_000)
        #expect(questions.calls(toSend: 2001) == 2)
        #expect(questions.calls(toSend: 0) == 1)
    }

    @Test("a batch makes every call once, never more than `concurrency` at a time, and counts the failures")
    func batch() async {
        let inFlight = Mutex((now: 0, most: 0, seen: Set<Int>()))
        let outcome = await CallBatch(total: 50, concurrency: 4).run { index in
            inFlight.withLock {
                $0.now += 1
                $0.most = max($0.most, $0.now)
                $0.seen.insert(index)
            }
            try? await Task.sleep(for: .milliseconds(1))
            inFlight.withLock { $0.now -= 1 }
            if index % 10 == 3 { throw RPCError(code: .deadlineExceeded, message: "too slow") }
        }
        #expect(outcome.ok == 45)
        #expect(outcome.errors == 5)
        #expect(outcome.firstError == "DEADLINE_EXCEEDED: too slow")
        #expect(outcome.latencies == outcome.latencies.sorted())
        #expect(inFlight.withLock { $0.most } == 4)
        #expect(inFlight.withLock { $0.seen } == Set(0..<50))
    }

    @Test("writes count acknowledged calls by kind and key, and the others by status with one message each")
    func writeTally() async {
        let made = Mutex([Int: (WriteKind, String)]())
        let tally = await WriteLoad(calls: 12, keyPrefix: "t").run(concurrency: 3) { kind, key in
            let index = Int(key.dropFirst(2))!
            made.withLock { $0[index] = (kind, key) }
            switch index {
            case 3, 8: throw RPCError(code: .unavailable, message: "backlog full")
            case 5: throw RPCError(code: .deadlineExceeded, message: "too slow")
            case 10: throw CancellationError()
            default: try? await Task.sleep(for: .milliseconds(12 - index))
            }
        }
        let calls = made.withLock { $0 }
        #expect(calls.keys.sorted() == Array(0..<12))
        #expect(calls.allSatisfy { index, call in call.0 == (index.isMultiple(of: 2) ? .suggestRange : .analyzeSession) && call.1 == "t-\(index)" })
        // Acknowledged: 0 2 4 6 (SuggestRange), 1 7 9 11 (AnalyzeSession); listed by index, whatever order they ended in.
        #expect(tally.acknowledgedKeys == ["t-0", "t-1", "t-2", "t-4", "t-6", "t-7", "t-9", "t-11"])
        #expect((tally.acknowledgedSuggestions, tally.acknowledgedAnalyses) == (4, 4))
        #expect(tally.statuses == ["unavailable": 2, "deadline_exceeded": 1, "CancellationError": 1])
        #expect(tally.messages["unavailable"] == "UNAVAILABLE: backlog full")
        #expect(tally.messages["deadline_exceeded"] == "DEADLINE_EXCEEDED: too slow")
        #expect(tally.messages["CancellationError"] == "CancellationError: CancellationError()")
        #expect((tally.outcome.ok, tally.outcome.errors) == (8, 4))
    }

    @Test("writes keep to --rate and stop starting calls when --for has passed, reporting the calls made")
    func writePaceAndBudget() async {
        // What is asserted is when each call started, not how many fit: a starved machine may start fewer.
        let clock = ContinuousClock()
        let starts = Mutex<[Int: ContinuousClock.Instant]>([:])
        let start = clock.now
        let load = WriteLoad(calls: 1000, keyPrefix: "p", rate: 50, budget: .milliseconds(300))
        let tally = await load.run(concurrency: 8) { _, key in
            let index = Int(key.dropFirst("p-".count)) ?? -1
            starts.withLock { $0[index] = clock.now }
        }
        let paced = starts.withLock { $0 }
        // 50 calls per second for 0.3 s: call i starts no sooner than i × 20 ms, and at most 15 start (0, 20, …, 280 ms).
        #expect(!paced.isEmpty && paced.count <= 15, "\(paced.count) calls")
        #expect(paced.allSatisfy { index, at in at - start >= .milliseconds(20) * index })
        #expect(tally.outcome.ok == paced.count && tally.acknowledgedKeys.count == paced.count)

        // No pace: the budget alone ends it. Calls of at least 10 ms, 2 at a time, in 100 ms: at most 2 × 10 start,
        // and the 2 in flight at the end.
        let unpaced = await WriteLoad(calls: 1_000_000, keyPrefix: "p", budget: .milliseconds(100)).run(concurrency: 2) { _, _ in
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect((1...22).contains(unpaced.outcome.ok), "\(unpaced.outcome.ok) calls")
    }

    @Test("wait-ready retries until an attempt succeeds, and gives up when the budget has passed")
    func readiness() async {
        let failures = Mutex(2)
        let ready = await ReadinessWait(budget: .seconds(5)).run {
            try failures.withLock {
                guard $0 == 0 else {
                    $0 -= 1
                    throw RPCError(code: .unavailable, message: "not yet")
                }
            }
        }
        #expect(ready.ready && ready.attempts == 3 && ready.readyAtUnix != nil && ready.lastError == nil)
        #expect(ready.exitStatus == 0)

        let never = await ReadinessWait(budget: .milliseconds(120)).run { throw RPCError(code: .unavailable, message: "refused") }
        #expect(!never.ready && never.readyAtUnix == nil && never.lastError == "UNAVAILABLE: refused")
        #expect((2...4).contains(never.attempts) && never.seconds >= 0.12)
        #expect(never.exitStatus == 1)
    }
}
