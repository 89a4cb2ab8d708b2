import Dispatch

/// One value passed from the thread that makes it to the one thread that waits for it; the semaphore orders the two.
final class HandOver<Value: Sendable>: @unchecked Sendable {
    private let ready = DispatchSemaphore(value: 0)
    private var value: Value?

    /// Hands the value over and wakes the waiting thread.
    func put(_ value: Value) {
        self.value = value
        ready.signal()
    }

    /// Blocks until the value has been handed over, then returns it.
    func take() -> Value {
        ready.wait()
        return value!
    }
}
