/// One of the five elements, in the FC60 table order (Wood, Fire, Earth, Metal, Water).
public enum Element: Int, CaseIterable, Sendable {
    /// The five elements in FC60 order.
    case wood, fire, earth, metal, water

    /// The FC60 two-letter token (WU FI ER MT WA).
    public var token: String {
        ["WU", "FI", "ER", "MT", "WA"][rawValue]
    }

    /// The English name, capitalised.
    public var name: String {
        ["Wood", "Fire", "Earth", "Metal", "Water"][rawValue]
    }
}
