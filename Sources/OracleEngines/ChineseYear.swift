/// The Chinese-calendar year of a Gregorian year: animal of the branch, element and polarity of the stem.
public struct ChineseYear: Sendable, Hashable {
    /// The year animal.
    public let animal: Animal
    /// Element of the year stem.
    public let element: Element
    /// Polarity of the year stem.
    public let polarity: Polarity

    /// The cycle year of a Gregorian year number; like the reference engine it ignores the lunar new year.
    public init(year: Int) {
        let stem = Stem(year: year)
        animal = Animal(yearOf: year)
        element = stem.element
        polarity = stem.polarity
    }
}
