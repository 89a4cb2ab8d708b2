import CheckpointRules
import StackHarness

extension SecretScanner {
    /// The scanner for this run: the patterns, plus the real secret values of the env file the stack runs with.
    static func forStack() throws -> SecretScanner {
        let stack = Stack.shared
        let example = try EnvFile(contentsOf: stack.layout.environmentExample)
        let environment = try stack.compose.environmentFile.map { try EnvFile(contentsOf: $0) } ?? example
        return SecretScanner(knownSecrets: secretValues(in: environment, example: example))
    }
}
