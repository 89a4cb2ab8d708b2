/// A command line `oracle-benchmark` cannot run: the message names the bad flag or value, and the usage follows it.
struct UsageError: Error, Equatable, CustomStringConvertible {
    /// What is wrong, e.g. "--concurrency: '0' is not a whole number ≥ 1".
    let message: String

    /// A usage error saying `message`.
    init(_ message: String) {
        self.message = message
    }

    /// The message.
    var description: String { message }
}
