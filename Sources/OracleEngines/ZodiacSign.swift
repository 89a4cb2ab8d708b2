/// The western sun sign of a month and day, with its element and (modern) ruling planet.
public struct ZodiacSign: Sendable, Hashable {
    /// The sign's name, e.g. "Aquarius".
    public let name: String
    /// Fire, Earth, Air or Water.
    public let element: String
    /// The modern ruling planet.
    public let rulingPlanet: String

    /// Signs with the day each begins on, in calendar order.
    private static let signs: [(name: String, element: String, planet: String, month: Int, day: Int)] = [
        ("Aquarius", "Air", "Uranus", 1, 20),
        ("Pisces", "Water", "Neptune", 2, 19),
        ("Aries", "Fire", "Mars", 3, 21),
        ("Taurus", "Earth", "Venus", 4, 20),
        ("Gemini", "Air", "Mercury", 5, 21),
        ("Cancer", "Water", "Moon", 6, 21),
        ("Leo", "Fire", "Sun", 7, 23),
        ("Virgo", "Earth", "Mercury", 8, 23),
        ("Libra", "Air", "Venus", 9, 23),
        ("Scorpio", "Water", "Pluto", 10, 23),
        ("Sagittarius", "Fire", "Jupiter", 11, 22),
        ("Capricorn", "Earth", "Saturn", 12, 22),
    ]

    /// The sign whose span contains the month and day (tropical dates, e.g. Aries 21 Mar – 19 Apr).
    public init(month: Int, day: Int) {
        // The last sign begun on or before the date; before 20 January it is still December's Capricorn.
        let chosen = ZodiacSign.signs.last { ($0.month, $0.day) <= (month, day) } ?? ZodiacSign.signs[11]
        name = chosen.name
        element = chosen.element
        rulingPlanet = chosen.planet
    }
}
