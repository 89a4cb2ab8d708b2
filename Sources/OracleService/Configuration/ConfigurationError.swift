/// A bad or missing environment variable; its description is the one line the service prints before exiting 1.
struct ConfigurationError: Error, CustomStringConvertible, Equatable {
    /// The environment variable at fault.
    let variable: String
    /// What is wrong with it, in words a user can act on.
    let problem: String

    var description: String { "\(variable): \(problem)" }
}
