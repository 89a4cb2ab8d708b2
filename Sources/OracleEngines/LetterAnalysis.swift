/// One A–Z letter of a name with its Pythagorean value and element (contract LetterAnalysis).
public struct LetterAnalysis: Sendable, Hashable {
    /// The letter, uppercased.
    public let letter: Character
    /// Its value 1...9.
    public let value: Int
    /// The element of its value.
    public let element: Element
}
