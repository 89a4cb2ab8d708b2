import ProcessRunning

/// `load --fuzz N`: sends the first `count` messages of `FuzzMessages` for a seed, `concurrency` at a time.
struct FuzzRun: Sendable, Equatable {
    /// Messages to send.
    let count: Int
    /// Their seed.
    let seed: UInt64

    /// Sends them through `call` and counts the answers.
    func run(_ call: RawCall, concurrency: Int) async throws -> FuzzReport {
        let messages = try FuzzMessages(seed: seed)
        let clock = ContinuousClock()
        let start = clock.now
        var report = await withTaskGroup(of: (Int, FuzzMessage, String, String).self, returning: FuzzReport.self) { group in
            var report = FuzzReport(seed: seed)
            for index in 0..<count {
                if index >= concurrency, let (done, message, status, text) = await group.next() {
                    report.record(index: done, message, status: status, text: text)
                }
                group.addTask {
                    let message = messages.message(index)
                    let (status, text) = await call.status(of: message.method, bytes: message.bytes)
                    return (index, message, status, text)
                }
            }
            for await (done, message, status, text) in group {
                report.record(index: done, message, status: status, text: text)
            }
            return report
        }
        report.wallSeconds = (clock.now - start).inSeconds
        return report
    }
}
