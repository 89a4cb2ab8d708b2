import Foundation

extension CommandRunner {
    /// Runs a short command to its end on the calling thread, for the few answers needed where no `await` is possible
    /// (the docker CLI, chosen while the shared stack is created); it has no time limit, so the command needs its own.
    public func captureBlocking(_ command: Command) throws -> CommandResult {
        let (process, output, errors) = Self.makeProcess(command)
        let clock = ContinuousClock()
        let start = clock.now
        let launched = HandOver<(any Error)?>()
        Self.launchWithNoSignalBlocked(process, command: command) { failure in launched.put(failure) }
        if let failure = launched.take() { throw failure }
        // Standard error is drained beside standard output, so neither pipe can fill and stall the child.
        let standardError = HandOver<Data>()
        DispatchQueue.global().async {
            standardError.put((try? errors.fileHandleForReading.readToEnd()) ?? Data())
        }
        let standardOutput = (try? output.fileHandleForReading.readToEnd()) ?? Data()
        let errorData = standardError.take()
        process.waitUntilExit()
        return CommandResult(
            command: command,
            exitStatus: process.terminationStatus,
            signal: process.terminationReason == .uncaughtSignal ? process.terminationStatus : nil,
            timedOut: false,
            standardOutputData: standardOutput,
            standardErrorData: errorData,
            duration: clock.now - start
        )
    }
}

// One value passed from the thread that makes it to the one thread that waits for it; the semaphore orders the two.
private final class HandOver<Value>: @unchecked Sendable {
    private let ready = DispatchSemaphore(value: 0)
    private var value: Value?

    func put(_ value: Value) {
        self.value = value
        ready.signal()
    }

    func take() -> Value {
        ready.wait()
        return value!
    }
}
