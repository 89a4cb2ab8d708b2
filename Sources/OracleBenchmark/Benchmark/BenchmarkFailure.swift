/// A benchmark that could not finish (the server never became healthy, say); the message says why.
struct BenchmarkFailure: Error, CustomStringConvertible {
    /// What went wrong.
    let message: String

    /// The message.
    var description: String { message }
}
