/// A numerological yes/no/maybe sign for a question (contract QuestionResponse).
public struct QuestionSign: Sendable, Hashable {
    /// The question as asked.
    public let question: String
    /// 11, 22, 33 → maybe; odd → yes; even → no.
    public let answer: QuestionAnswer
    /// The first number in the question reduced, else the reduced letter count (7 with no letters).
    public let signNumber: Int
    /// Wording chosen by the seed from a few templates.
    public let interpretation: String
    /// 0.7 when the question held a number, else 0.5.
    public let confidence: Double

    /// Reads a question; the seed only picks the wording, never the answer.
    public init(question: String, seed: Int64) {
        self.question = question
        let firstNumber = QuestionSign.firstNumber(in: question)
        let letterCount = question.count(where: \.isLetter)
        signNumber = firstNumber ?? (letterCount > 0 ? Numerology.reduce(letterCount) : 7)
        answer =
            if Numerology.masterNumbers.contains(signNumber) { .maybe } else if signNumber % 2 == 1 { .yes } else { .no }
        confidence = firstNumber != nil ? 0.7 : 0.5
        let source = firstNumber != nil ? "the first number you wrote" : "the letters of your question"
        var generator = SplitMix64(seed: UInt64(bitPattern: seed))
        let templates = QuestionSign.templates(for: answer)
        let template = templates[Int(generator.next() % UInt64(templates.count))]
        interpretation =
            template + " The sign \(signNumber), drawn from \(source), stands for "
            + "\(Numerology.keyword(for: signNumber))."
    }

    private static func templates(for answer: QuestionAnswer) -> [String] {
        switch answer {
        case .yes:
            [
                "The numbers lean towards yes.",
                "Yes: the vibration is open and moving forward.",
                "The sign is favourable; go ahead.",
            ]
        case .no:
            [
                "The numbers lean towards no.",
                "Not now: the vibration asks for patience.",
                "The sign counsels against it for the moment.",
            ]
        case .maybe:
            [
                "A master number answers: maybe, it depends on you.",
                "The outcome is open; a master number asks you to look deeper.",
                "Maybe: the sign is strong but undecided.",
            ]
        }
    }

    /// The first run of ASCII digits, reduced; a run too long for Int reduces through its digit sum.
    private static func firstNumber(in text: String) -> Int? {
        let digits = text.unicodeScalars.drop { !isDigit($0) }.prefix { isDigit($0) }
        guard !digits.isEmpty else { return nil }
        if let value = Int(String(String.UnicodeScalarView(digits))) {
            return Numerology.reduce(value)
        }
        // Too long to be 11, 22 or 33, so reducing the digit sum gives the same number.
        return Numerology.reduce(digits.reduce(0) { $0 + Int($1.value - 48) })
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar)
    }
}
