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
