/// The numerology of a name (contract NameResponse).
public struct NameReading: Sendable, Hashable {
    /// The name as given.
    public let name: String
    /// Expression (destiny) number.
    public let destiny: Int
    /// Soul urge (vowels).
    public let soulUrge: Int
    /// Personality (consonants).
    public let personality: Int
    /// Every A–Z letter of the name in order, uppercased; other characters are left out.
    public let letters: [LetterAnalysis]
    /// Rule-based interpretation of the three numbers and the dominant element.
    public let interpretation: String

    /// Reads a name; the caller rejects empty names, a name without A–Z letters reads as all zeros.
    public init(name: String) {
        self.name = name
        destiny = Numerology.expression(of: name)
        soulUrge = Numerology.soulUrge(of: name)
        personality = Numerology.personality(of: name)
        letters = name.compactMap { character in
            guard let ascii = Numerology.asciiUppercaseLetter(character) else { return nil }
            let value = Numerology.letterValue(character)
            guard let element = Numerology.letterElement(value: value) else { return nil }
            return LetterAnalysis(letter: Character(Unicode.Scalar(ascii)), value: value, element: element)
        }
        interpretation =
            "Destiny \(destiny): \(Numerology.keyword(for: destiny)). "
            + "Soul urge \(soulUrge): an inner pull towards \(Numerology.keyword(for: soulUrge)). "
            + "Personality \(personality): others see \(Numerology.keyword(for: personality))."
            + NameReading.elementSentence(letters)
    }

    /// Names the most frequent element, the earliest in Element order on a tie; empty when there are no letters.
    private static func elementSentence(_ letters: [LetterAnalysis]) -> String {
        let counts = Element.allCases.map { element in letters.count { $0.element == element } }
        guard let top = counts.max(), top > 0, let index = counts.firstIndex(of: top) else { return "" }
        return " \(Element.allCases[index].name) dominates its letters (\(top) of \(letters.count))."
    }
}
