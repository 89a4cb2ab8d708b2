/// Calls made through the api at a steady rate while something happens to the stack: how many, how many failed (and
/// the first reasons), and which Oracle task answered each (the api's X-NPS-Oracle-Instance header).
package struct PacedCalls: Sendable, Hashable {
    /// Calls made.
    package var made = 0
    /// Calls that got no 200.
    package var failed = 0
    /// The first few failures, as "HTTP 503 …" or the error.
    package var failures: [String] = []
    /// Answers per Oracle instance (its host name, the task's container id).
    package var byInstance: [String: Int] = [:]
    /// How long the calls went on, in seconds.
    package var seconds: Double = 0

    /// Makes an empty tally.
    package init() {}

    /// Counts one answer: `status` 200 is a success, from `instance` when the header named one.
    package mutating func add(status: Int, instance: String?, failure: @autoclosure () -> String) {
        guard status == 200 else { return add(failure: failure()) }
        made += 1
        if let instance { byInstance[instance, default: 0] += 1 }
    }

    /// Counts one call that failed with `failure`.
    package mutating func add(failure: String) {
        made += 1
        failed += 1
        if failures.count < 5 { failures.append(failure) }
    }

    /// Calls per second.
    package var rate: Double { seconds > 0 ? Double(made) / seconds : 0 }

    /// "1,500 calls in 30.1 s (49.8/s), 0 failed; by Oracle task: a1b2 750, c3d4 750".
    package var summary: String {
        let tasks = byInstance.sorted { $0.key < $1.key }.map { "\($0.key.prefix(12)) \($0.value)" }.joined(separator: ", ")
        let reasons = failures.isEmpty ? "" : " (\(failures.joined(separator: "; ")))"
        return
            "\(made) calls in \(seconds.compactText) s (\(rate.compactText)/s), \(failed) failed\(reasons); by Oracle task: \(tasks.isEmpty ? "none named" : tasks)"
    }
}
