/// A bad or missing environment variable; its description is the one "VARIABLE: problem" line an executable prints before exiting 1.
public struct ConfigurationError: Error, CustomStringConvertible, Equatable {
    /// The environment variable at fault.
    public let variable: String
    /// What is wrong with it, in words a user can act on.
    public let problem: String

    /// Creates the error for `variable`.
    public init(variable: String, problem: String) {
        self.variable = variable
        self.problem = problem
    }

    public var description: String { "\(variable): \(problem)" }
}
