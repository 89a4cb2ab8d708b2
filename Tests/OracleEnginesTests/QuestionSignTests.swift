import Testing

@testable import OracleEngines

@Suite("Question signs")
struct QuestionSignTests {
    @Test(
        "The first number in the question, reduced, is the sign",
        arguments: [
            ("Will I find key 42 before 7?", 6, QuestionAnswer.no),
            ("Is 29 my number?", 11, .maybe),
            ("Room 3 or 4?", 3, .yes),
            ("Is 0 nothing?", 0, .no),
            ("Pi is 3.14?", 3, .yes),
            ("Digits 12345678901234567890123 then?", 6, .no),
        ]
    )
    func firstNumberIsTheSign(question: String, sign: Int, answer: QuestionAnswer) {
        let result = QuestionSign(question: question, seed: 1)
        #expect(result.signNumber == sign)
        #expect(result.answer == answer)
        #expect(result.confidence == 0.7)
    }

    @Test(
        "Without numbers the reduced letter count is the sign, 7 when there are no letters",
        arguments: [
            ("Should I go", 9, QuestionAnswer.yes),
            ("Shall we", 7, .yes),
            ("Is it worth it", 11, .maybe),
            ("Go on", 4, .no),
            ("???", 7, .yes),
            ("Привет мир", 9, .yes),
        ]
    )
    func letterCountIsTheSignWithoutNumbers(question: String, sign: Int, answer: QuestionAnswer) {
        let result = QuestionSign(question: question, seed: 1)
        #expect(result.signNumber == sign)
        #expect(result.answer == answer)
        #expect(result.confidence == 0.5)
    }

    @Test("The same seed gives the same wording")
    func sameSeedSameWording() {
        let first = QuestionSign(question: "Should I go", seed: 12_345)
        #expect(first == QuestionSign(question: "Should I go", seed: 12_345))
    }

    @Test("Different seeds vary the wording but never the answer")
    func seedVariesOnlyWording() {
        let signs = (Int64(-10)...10).map { QuestionSign(question: "Should I go", seed: $0) }
        #expect(Set(signs.map(\.interpretation)).count > 1)
        #expect(Set(signs.map(\.answer)) == [.yes])
        #expect(signs.allSatisfy { $0.interpretation.contains("The sign 9") })
    }

    @Test("SplitMix64 reproduces the reference sequence for seed 0")
    func splitMixReferenceSequence() {
        var generator = SplitMix64(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
        #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
    }
}
