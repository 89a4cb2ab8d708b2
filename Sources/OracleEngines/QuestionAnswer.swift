/// The answer a question sign gives.
public enum QuestionAnswer: String, Sendable {
    /// The contract's answer strings.
    case yes, no, maybe
}
