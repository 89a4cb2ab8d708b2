/// The FC60 part of a moment's reading (contract message FC60Reading).
public struct FC60Reading: Sendable, Hashable {
    /// JDN mod 60.
    public let cycle: Int
    /// Element of the year stem.
    public let element: Element
    /// Polarity of the year stem.
    public let polarity: Polarity
    /// The year stem.
    public let stem: Stem
    /// The year animal (branch).
    public let branch: Animal
    /// reduce(digit sum of the year).
    public let yearNumber: Int
    /// reduce(month).
    public let monthNumber: Int
    /// reduce(day).
    public let dayNumber: Int
    /// Moon illumination as a fraction, 0...1.
    public let energyLevel: Double
    /// 0.2 for each element, 0.4 for the year stem's element; keyed by element name ("Wood", ...).
    public let elementBalance: [String: Double]

    /// Reads a moment in its own local time.
    public init(moment: Moment) {
        let stem = Stem(year: moment.year)
        cycle = moment.julianDayNumber.modulo(60)
        element = stem.element
        polarity = stem.polarity
        self.stem = stem
        branch = Animal(yearOf: moment.year)
        yearNumber = Numerology.reduce(Numerology.digitSum(moment.year))
        monthNumber = Numerology.reduce(moment.month)
        dayNumber = Numerology.reduce(moment.day)
        energyLevel = MoonPhase(julianDayNumber: moment.julianDayNumber).illuminationPercent / 100
        elementBalance = Dictionary(
            uniqueKeysWithValues: Element.allCases.map { ($0.name, $0 == stem.element ? 0.4 : 0.2) }
        )
    }
}
