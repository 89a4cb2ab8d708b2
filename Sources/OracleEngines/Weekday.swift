/// A day of the week, Sunday first, as FC60 counts them.
public enum Weekday: Int, CaseIterable, Sendable {
    /// The days, Sunday first.
    case sunday, monday, tuesday, wednesday, thursday, friday, saturday

    /// The FC60 two-letter token (SO LU MA ME JO VE SA).
    public var token: String {
        ["SO", "LU", "MA", "ME", "JO", "VE", "SA"][rawValue]
    }

    /// The English name, capitalised.
    public var name: String {
        ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"][rawValue]
    }
}
